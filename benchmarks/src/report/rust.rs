//! Rust, measured with criterion: evaluate, the content, diagnose, the user-agent parsers side
//! by side and their in-app accuracy.

use super::*;

// The targets of issue 7.
pub(super) const EVALUATE_TARGET_NS: f64 = 5_000.0;
pub(super) const FIRST_USE_TARGET_NS: f64 = 1_000_000.0;
pub(super) const GENERAL_PARSER_FACTOR: f64 = 10.0;
// Issue 17.
pub(super) const DIAGNOSE_TARGET_NS: f64 = 10_000.0;

impl Report {
    /// The targets of the Rust measurements: rows of the targets table.
    pub(super) fn rust_targets(&self, ctx: &Ctx, d: &mut String) {
        let crit = |id: &str| self.median_of(id);
        let eval_worst = ctx.eval_worst;
        let eval_worst_name = ctx.eval_worst_name.clone();
        let sdk_worst = ctx.sdk_worst;
        let sdk_worst_name = ctx.sdk_worst_name.clone();
        let with_service = ctx.with_service;
        let cold = ctx.cold;
        let cold_sdk = ctx.cold_sdk;
        let warm_embedded = ctx.warm_embedded;
        let ours_ua = ctx.ours_ua;
        let woothee_ua = ctx.woothee_ua;
        let ours_acc = ctx.ours_acc;
        let general = ctx.general;
        let examples = examples();
        // evaluate
        {
            let met = (!eval_worst.is_nan()).then_some(eval_worst <= EVALUATE_TARGET_NS);
            let sdk_extra = mean_of(&examples, |n| crit(&format!("sdk_evaluate/{n}")))
                - mean_of(&examples, |n| crit(&format!("evaluate/{n}")));
            let entry = if sdk_extra > with_service * 0.5 {
                format!(
                    "it adds {} on average, about what localizing the guide costs \
                 (`Guide::with_service`, {}): the entry point fills the service name into the \
                 whole guide on every call",
                    t(sdk_extra),
                    t(with_service)
                )
            } else {
                format!(
                    "it adds {} on average (the instance's content and localized guide are \
                 looked up, not rebuilt: filling the service name into a guide, \
                 `Guide::with_service`, would cost {})",
                    t(sdk_extra),
                    t(with_service)
                )
            };
            d.push_str(&format!(
                "| evaluate ≤ {} in Rust | slowest example `{}`: {} ({} of the target) | {} | \
             `readiness::evaluate` with the Japanese guide, every example at most {}. \
             Through the SDK's entry point (`ffi::PasskeyReady::evaluate`, still in Rust, \
             no marshalling) the slowest is {} (`{}`); {entry}. |\n",
                t(EVALUATE_TARGET_NS),
                eval_worst_name,
                t(eval_worst),
                ratio(eval_worst / EVALUATE_TARGET_NS),
                verdict(met),
                t(eval_worst),
                t(sdk_worst),
                sdk_worst_name,
            ));
        }
        // first use
        {
            let met = (!cold.is_nan()).then_some(cold <= FIRST_USE_TARGET_NS);
            let why = if cold.is_nan() {
                self.why_not(&["first_use"])
            } else {
                let parse = crit("content/parse_guides");
                let validate = crit("content/validate");
                let what = if cold >= parse + validate * 0.5 {
                    format!(
                        "It includes validating the bundle: parsing both documents takes {} \
                     (warm), `content::validate` {}.",
                        t(parse),
                        t(validate)
                    )
                } else {
                    format!(
                        "That is the parse: both documents deserialized take {} in a warm \
                     process, and the embedded content is not validated at run time \
                     (validating it, as a bundle loaded with `loadBundle` is, would add {}).",
                        t(parse),
                        t(validate)
                    )
                };
                format!(
                    "Median of {} fresh processes timing their first `Bundle::embedded()`: {}, \
                 range {} to {}. {what} The rest of a fresh process's figure is the cold \
                 start (caches, the first touch of the library's pages, the allocator's \
                 first growth). An app's whole first check (`PasskeyReady::new` then one \
                 `evaluate`) takes {} in a fresh process. Later calls of \
                 `Bundle::embedded()` take {}; look-ups in the loaded content: \
                 `ContentStore::current()` {}, `guide.part(id)` {}.",
                    self.first_use.get("bundle").map_or(0, Vec::len),
                    t(cold),
                    t(self.first_use.get("bundle").map_or(f64::NAN, |v| min(v))),
                    t(self.first_use.get("bundle").map_or(f64::NAN, |v| max(v))),
                    t(cold_sdk),
                    t(warm_embedded),
                    t(crit("content/store_current")),
                    t(crit("content/guide_part")),
                )
            };
            d.push_str(&format!(
                "| first content use ≤ {} | {} (fresh process) | {} | {} |\n",
                t(FIRST_USE_TARGET_NS),
                t(cold),
                verdict(met),
                why
            ));
        }
        // woothee
        {
            let speedup = woothee_ua / ours_ua;
            let paired = self.paired.get("woothee");
            let decisive = paired.map_or(speedup, |p| p.0);
            let met = (!decisive.is_nan()).then_some(decisive > 1.0);
            d.push_str(&format!(
                "| user-agent classification faster than woothee | {} faster in paired rounds{}; \
             criterion medians {} vs {} per user agent ({}) | {} | Same {} user agents \
             (`tests/corpus/user_agents.txt`), same run. The verdict uses the paired \
             rounds (see [User-agent classification](#user-agent-classification-side-by-side)), \
             which the machine's changing load cannot skew. PasskeyReady looks for a few fixed \
             tokens with substring search; woothee runs its dataset's regular expressions. |\n",
                ratio(decisive),
                paired.map_or(String::new(), |p| format!(
                    " (middle half of {} rounds: {} to {})",
                    p.3,
                    ratio(p.1),
                    ratio(p.2)
                )),
                t(ours_ua),
                t(woothee_ua),
                ratio(speedup),
                verdict(met),
                self.corpus_len,
            ));
        }
        // general parser
        {
            let (met, measured, why) = match general {
                Some((p, acc)) => {
                    let theirs = self.per_ua(&p.id);
                    let speedup = self.paired.get(&p.id).map_or(theirs / ours_ua, |r| r.0);
                    let fast = speedup >= GENERAL_PARSER_FACTOR;
                    let accurate = ours_acc >= acc;
                    let variants: Vec<String> = self
                        .criterion
                        .keys()
                        .filter_map(|k| k.strip_prefix("user_agent_corpus/uaparser_"))
                        .map(|v| {
                            format!(
                                "{v}: {}",
                                ratio(self.per_ua(&format!("uaparser_{v}")) / ours_ua)
                            )
                        })
                        .collect();
                    (
                        (!speedup.is_nan()).then_some(fast && accurate),
                        format!(
                            "{} faster in paired rounds (criterion medians {} vs {} per user \
                         agent); in-app cases right: {} vs {} of {}",
                            ratio(speedup),
                            t(ours_ua),
                            t(theirs),
                            ours_acc,
                            acc,
                            self.in_app_cases.len()
                        ),
                        format!(
                            "{} with uap-core's default settings (device, OS and browser \
                         regexes, Unicode on). Every variant measured, as speed-up from the \
                         criterion medians: {}. \
                         Accuracy: see [In-app accuracy](#in-app-accuracy){}.",
                            p.label,
                            variants.join(", "),
                            if accurate {
                                ""
                            } else {
                                "; PasskeyReady is less accurate here"
                            }
                        ),
                    )
                }
                None => (
                    None,
                    "–".to_owned(),
                    "uap-core's regexes.yaml was found nowhere (neither fetched from npm nor \
                 in the uaparser crate)"
                        .to_owned(),
                ),
            };
            d.push_str(&format!(
                "| ≥ {}× faster than the general parser, at equal or better in-app accuracy | \
             {measured} | {} | {why} |\n",
                GENERAL_PARSER_FACTOR,
                verdict(met)
            ));
        }
        self.diagnose_target(d);
    }

    /// The criterion results, section by section.
    pub(super) fn rust_section(&self, ctx: &Ctx, d: &mut String) {
        let crit = |id: &str| self.median_of(id);
        let kotlin_of = |id: &str| self.kotlin_of(id);
        let swift_of = |id: &str| self.swift_of(id);
        let ours_ua = ctx.ours_ua;
        let accuracies = &ctx.accuracies;
        let examples = examples();
        d.push_str("## Rust (criterion)\n\n");
        d.push_str(
            "`cargo bench -p passkey-ready-benchmarks` (benchmarks/benches/): warm-up 0.5 s, \
         3 s of measurement, 20 samples per benchmark. The interval is criterion's 95 % \
         confidence interval of the median.\n\n",
        );
        d.push_str("### evaluate, per example snapshot\n\n");
        d.push_str(
            "`evaluate`: `readiness::evaluate(&snapshot, &guide)` with the Japanese guide \
         (service name filled in once). `SDK entry point`: `ffi::PasskeyReady::evaluate`, \
         the Rust side of the call Kotlin and Swift make, without the marshalling. Kotlin \
         and Swift: the same call through the generated bindings (see below).\n\n",
        );
        d.push_str(
            "| example | status | findings | evaluate | (95 % CI) | SDK entry point | Kotlin/JNA \
         | Swift |\n|---|---|---:|---:|---|---:|---:|---:|\n",
        );
        let bundle = Bundle::embedded().unwrap();
        let guide = bundle.guide(Locale::Ja).with_service(None);
        for e in &examples {
            let report = evaluate(&e.snapshot, &guide).ok();
            let est = self.bench(&format!("evaluate/{}", e.name));
            d.push_str(&format!(
                "| `{}` | {} | {} | {} | {} | {} | {} | {} |\n",
                e.name,
                report
                    .as_ref()
                    .map_or("–".into(), |r| format!("{:?}", r.status)),
                report.as_ref().map_or(0, |r| r.findings.len()),
                t(est.map_or(f64::NAN, |e| e.median)),
                est.map_or("–".into(), |e| format!("{} – {}", t(e.lower), t(e.upper))),
                t(crit(&format!("sdk_evaluate/{}", e.name))),
                t(kotlin_of(&format!("kotlin_evaluate/{}", e.name))),
                t(swift_of(&format!("swift_evaluate/{}", e.name))),
            ));
        }
        d.push('\n');

        d.push_str("### Content: first use and cached look-ups\n\n");
        d.push_str(
            "The content is two JSON documents compiled into the library (`include_str!`). \
         Nothing is parsed when the library loads: the first use of the content \
         (`Bundle::embedded()`, behind `ContentStore::embedded()`, the CLI and the SDK's \
         `PasskeyReady` constructor) deserializes both, and later look-ups read the \
         result. The first use is \
         measured where it happens, in a fresh process: `first-use` \
         (benchmarks/src/bin/first_use.rs) times the call with `Instant` and prints it; \
         xtask runs it many times and takes the median. That is the cost of the first \
         use itself, without process start-up, which an app has paid long before.\n\n",
        );
        d.push_str("| what | median | range / 95 % CI | runs |\n|---|---:|---|---:|\n");
        for (label, key) in [
            ("`Bundle::embedded()`, fresh process", "bundle"),
            (
                "`PasskeyReady::new(None)` + one `evaluate` (`android-ready`), fresh process",
                "sdk",
            ),
        ] {
            let v = self.first_use.get(key).cloned().unwrap_or_default();
            d.push_str(&format!(
                "| {label} | {} | {} – {} | {} |\n",
                t(median(&v)),
                t(min(&v)),
                t(max(&v)),
                v.len()
            ));
        }
        for (label, id) in [
            (
                "`Bundle::embedded()`, warm process",
                "content/bundle_embedded",
            ),
            (
                "parse both JSON documents (serde_json, as the core parses)",
                "content/parse_guides",
            ),
            (
                "`content::validate(&bundle)` (what a bundle loaded at run time goes through)",
                "content/validate",
            ),
            (
                "`Bundle::from_json` of the whole guide as one bundle (what `loadBundle` does)",
                "content/load_bundle",
            ),
            (
                "`ContentStore::current()` (an `Arc` clone under a read lock)",
                "content/store_current",
            ),
            (
                "`guide.part(\"android.screen_lock\")`",
                "content/guide_part",
            ),
            ("`guide.check(\"screen_lock\")`", "content/guide_check"),
            (
                "`guide.with_service(Some(…))` (a full copy of one locale's guide)",
                "content/with_service",
            ),
        ] {
            let est = self.bench(id);
            d.push_str(&format!(
                "| {label} | {} | {} | criterion |\n",
                t(est.map_or(f64::NAN, |e| e.median)),
                est.map_or("–".into(), |e| format!("{} – {}", t(e.lower), t(e.upper))),
            ));
        }
        d.push('\n');

        d.push_str("### diagnose, per message of the seed\n\n");
        d.push_str(
            "Every 「…」 of the help page's questions (`tests/seed/help_page_ja.txt`, lines \
         starting with `Q`) and every English message of `core/content/en.json`'s FAQs, \
         each given alone to `diagnose::diagnose(&bundle, message, None)`.\n\n",
        );
        d.push_str("| id | message | median | (95 % CI) | best answer |\n|---|---|---:|---|---|\n");
        for m in seed_messages() {
            let est = self.bench(&format!("diagnose/{}", m.id));
            let best = diagnose(&bundle, &m.text, None)
                .ok()
                .and_then(|v| v.into_iter().next())
                .map_or("no match".into(), |b| {
                    format!(
                        "{} ({})",
                        b.faq.as_deref().unwrap_or("no FAQ"),
                        b.confidence
                    )
                });
            d.push_str(&format!(
                "| `{}` | {} | {} | {} | {} |\n",
                m.id,
                cell(&m.text),
                t(est.map_or(f64::NAN, |e| e.median)),
                est.map_or("–".into(), |e| format!("{} – {}", t(e.lower), t(e.upper))),
                best
            ));
        }
        d.push('\n');

        // ---- User agents.
        self.diagnose_counts_paragraph(d);
        d.push_str("### User-agent classification, side by side\n\n");
        d.push_str(&format!(
            "All parsers classify the same {} user agents (`tests/corpus/user_agents.txt`) in \
         the same run; one criterion iteration is the whole corpus, shown here per user \
         agent. Parsers are built before timing (uaparser compiles its regexes once).\n\n",
            self.corpus_len
        ));
        d.push_str(
            "| parser | per user agent | (95 % CI) | PasskeyReady is faster by |\n\
         |---|---:|---|---:|\n",
        );
        for (id, est) in self
            .criterion
            .iter()
            .filter_map(|(k, e)| Some((k.strip_prefix("user_agent_corpus/")?, e)))
        {
            let n = self.corpus_len as f64;
            d.push_str(&format!(
                "| `{id}` | {} | {} – {} | {} |\n",
                t(est.median / n),
                t(est.lower / n),
                t(est.upper / n),
                if id == "passkey_ready" {
                    "–".to_owned()
                } else {
                    ratio(est.median / n / ours_ua)
                }
            ));
        }
        d.push('\n');
        if !self.paired.is_empty() {
            d.push_str(
                "Paired rounds (`ua-paired`, benchmarks/src/bin/ua_paired.rs): each round \
             classifies the whole corpus with PasskeyReady and with the peer back to back, \
             order swapped every round, and keeps the ratio of the two times; the median \
             ratio cannot be skewed by load that changes between two criterion benchmarks a \
             minute apart. The targets use these.\n\n| peer | PasskeyReady is faster by \
             (median) | middle half | rounds |\n|---|---:|---|---:|\n",
            );
            for (peer, (m, q1, q3, n)) in &self.paired {
                d.push_str(&format!(
                    "| `{peer}` | {} | {} – {} | {n} |\n",
                    ratio(*m),
                    ratio(*q1),
                    ratio(*q3)
                ));
            }
            d.push('\n');
        }
        d.push_str(
            "`uaparser_<regexes>`: the `uaparser` crate with uap-core's default settings; \
         `_no_unicode`: with `with_unicode_support(false)`, the crate's documented faster \
         setting (same answers on this corpus). Where each `regexes.yaml` came from:\n\n",
        );
        d.push_str("| regexes | from | sha256 |\n|---|---|---|\n");
        for (label, origin, sha) in &self.uap_origins {
            d.push_str(&format!("| `{label}` | {origin} | `{sha}` |\n"));
        }
        d.push('\n');

        d.push_str("### In-app accuracy\n\n");
        d.push_str(&format!(
            "The {} in-app cases of `tests/vectors/user_agents.json` (an app's browser or a web \
         view: Google, Yahoo! JAPAN, LINE, Instagram, Facebook, X, TikTok, plain web \
         views), and for false alarms its {} other cases (browsers, crawlers, garbage). \
         Each parser's answer is put in the SDK's terms: the system, the browser, and \
         whether the page is in an app. An app's browser is credited with the system's \
         engine (WebKit/Safari on Apple systems, Chrome on Android), as the SDK reports \
         it. Counted as \"in an app\": woothee's names {}; uap-core's families {}.\n\n",
            self.in_app_cases.len(),
            self.browser_cases,
            WOOTHEE_IN_APP_NAMES
                .iter()
                .map(|n| code(n))
                .collect::<Vec<_>>()
                .join(", "),
            UAP_IN_APP_FAMILIES
                .iter()
                .map(|n| code(n))
                .collect::<Vec<_>>()
                .join(", "),
        ));
        let n = self.in_app_cases.len();
        d.push_str(
            "| parser | system right / wrong | browser right / wrong | in an app: right / \
         wrong | false \"in an app\" on browsers |\n|---|---|---|---|---|\n",
        );
        for (p, a) in accuracies {
            d.push_str(&format!(
                "| {} | {} / {} | {} / {} | {} / {} | {} of {} |\n",
                p.label,
                a.platform,
                n - a.platform,
                a.browser,
                n - a.browser,
                a.in_app,
                n - a.in_app,
                a.false_in_app,
                self.browser_cases
            ));
        }
        d.push_str(
            "\nThe vectors were written with PasskeyReady's classifier, so it passes all of them \
         by construction; the peers' misses below are what matters. Case by case (the \
         parser's own words; ✗ marks a wrong system, browser or in-app answer):\n\n",
        );
        let shown: Vec<&Parser> = self
            .parsers
            .iter()
            .filter(|p| !p.id.ends_with("-crate"))
            .collect();
        d.push_str("| case | expected |");
        for p in &shown {
            d.push_str(&format!(" {} |", p.label));
        }
        d.push_str("\n|---|---|");
        for _ in &shown {
            d.push_str("---|");
        }
        d.push('\n');
        for (i, c) in self.in_app_cases.iter().enumerate() {
            d.push_str(&format!(
                "| `{}` | {} / {} / app |",
                c.name,
                c.platform.map_or("-".into(), |p| p.to_string()),
                c.browser.map_or("-".into(), |b| format!("{b:?}")),
            ));
            for p in &shown {
                let v = &p.verdicts[i];
                let mut wrong = Vec::new();
                if v.platform != c.platform {
                    wrong.push("system");
                }
                if v.browser != c.browser {
                    wrong.push("browser");
                }
                if v.in_app != Some(true) {
                    wrong.push("in-app");
                }
                let mark = if wrong.is_empty() {
                    "✓".to_owned()
                } else {
                    format!("✗ {}", wrong.join(", "))
                };
                d.push_str(&format!(" {} {} |", cell(&v.raw), mark));
            }
            d.push('\n');
        }
        d.push('\n');
    }

    /// The slowest message of the seed through `diagnose`, and what a call costs in
    /// instructions.
    fn diagnose_target(&self, d: &mut String) {
        let medians: Vec<(f64, String)> = self
            .criterion
            .iter()
            .filter_map(|(k, e)| Some((e.median, k.strip_prefix("diagnose/")?.to_owned())))
            .collect();
        let worst = medians
            .iter()
            .cloned()
            .fold(None, |acc: Option<(f64, String)>, x| match acc {
                Some(a) if a.0 >= x.0 => Some(a),
                _ => Some(x),
            });
        let Some((worst, name)) = worst else {
            d.push_str(&format!(
                "| diagnosis ≤ {} per message | – | {} | {} |\n",
                t(DIAGNOSE_TARGET_NS),
                verdict(None),
                self.why_not(&["criterion"])
            ));
            return;
        };
        let counts = diagnose_counts(&self.diagnose_ir).map_or_else(
            || format!("Instruction counts: {}.", self.why_not(&["diagnose_ir"])),
            |(warm, first)| {
                format!(
                    "Under callgrind (instruction counts, which the machine's load cannot \
                     skew): {:.1}k instructions per warm call on average over the messages; the \
                     first call of a process also prepares the bundle's messages, {:.0}k \
                     instructions once.",
                    warm / 1000.0,
                    first / 1000.0
                )
            },
        );
        d.push_str(&format!(
            "| diagnosis ≤ {} per message | slowest message `{name}`: {} ({} of the target) | \
             {} | Every message of the seed (see [diagnose](#diagnose-per-message-of-the-seed)) \
             on the embedded content, messages prepared once per bundle. {counts} |\n",
            t(DIAGNOSE_TARGET_NS),
            t(worst),
            ratio(worst / DIAGNOSE_TARGET_NS),
            verdict(Some(worst <= DIAGNOSE_TARGET_NS)),
        ));
    }

    /// Where a diagnosis's instructions go: callgrind's busiest functions.
    fn diagnose_counts_paragraph(&self, d: &mut String) {
        let Some((warm, first)) = diagnose_counts(&self.diagnose_ir) else {
            d.push_str(&format!(
                "Instruction counts were not measured: {}.\n\n",
                self.why_not(&["diagnose_ir"])
            ));
            return;
        };
        d.push_str(&format!(
            "Instruction counts (`diagnose-cost` under callgrind, benchmarks/src/bin/diagnose_cost.rs: \
             the program run without diagnosing, with the first diagnosis only, and with {} \
             more rounds over the {} messages; the differences): {:.1}k instructions per warm \
             call, {:.0}k for the first call of a process, which folds, numbers and indexes \
             the bundle's messages for every later call.\n\n",
            self.diagnose_ir
                .get("round_count")
                .and_then(|v| v.first())
                .copied()
                .unwrap_or(f64::NAN),
            self.diagnose_ir
                .get("messages")
                .and_then(|v| v.first())
                .copied()
                .unwrap_or(f64::NAN),
            warm / 1000.0,
            first / 1000.0,
        ));
        let profile =
            std::fs::read_to_string(bench_dir().join("diagnose_profile.txt")).unwrap_or_default();
        let busiest: Vec<String> = profile
            .lines()
            .filter(|l| l.contains('(') && l.contains('%') && !l.contains("PROGRAM TOTALS"))
            .filter_map(|l| {
                let (count, rest) = l.trim().split_once(' ')?;
                let share = rest.split(')').next()?.trim_start_matches('(').trim();
                // `file:function [object]`: the function, without its file and object.
                let name = rest.split_once(") ")?.1.trim();
                let name = name.split_once(':').map_or(name, |(_, f)| f);
                let name = name.split(" [").next().unwrap_or(name);
                Some(format!("| {} | {share} | `{}` |", count, cell(name)))
            })
            .take(10)
            .collect();
        if !busiest.is_empty() {
            d.push_str(
                "Where the instructions of the measured run go (its own cost per function, \
                 `callgrind_annotate --inclusive=no`; the run includes the program's start and \
                 the content's parse):\n\n| instructions | share | function |\n|---:|---:|---|\n",
            );
            for row in busiest {
                d.push_str(&row);
                d.push('\n');
            }
            d.push('\n');
        }
    }
}
