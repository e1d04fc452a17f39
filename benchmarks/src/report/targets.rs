//! The targets table (each section adds its rows) and what would move the numbers.

use super::size::crate_growth;
use super::*;

impl Report {
    /// What would move the numbers, from the figures of every section.
    pub(super) fn what_would_move(&self, ctx: &Ctx, d: &mut String) {
        let crit = |id: &str| self.median_of(id);
        let with_service = ctx.with_service;
        let cold = ctx.cold;
        let kotlin_worst = ctx.kotlin_worst;
        let kotlin_worst_name = ctx.kotlin_worst_name.clone();
        let swift_worst = ctx.swift_worst;
        let lib_unstripped = ctx.lib_unstripped.clone();
        let empty_unstripped = ctx.empty_unstripped.clone();
        let examples = examples();
        // ---- Rust details.
        // ---- What would move the numbers (from the figures above; changes are the core's
        // owners' to make).
        // The targets table ends here: every section has added its rows.
        d.push('\n');
        d.push_str("### What would move the numbers\n\n");
        let sdk_mean = mean_of(&examples, |n| crit(&format!("sdk_evaluate/{n}")));
        let eval_mean = mean_of(&examples, |n| crit(&format!("evaluate/{n}")));
        if !sdk_mean.is_nan() && !with_service.is_nan() && sdk_mean - eval_mean > with_service * 0.5
        {
            d.push_str(&format!(
                "- **The SDK entry point localizes the whole guide on every call.** \
             `PasskeyReady::evaluate` averages {} over the examples, `readiness::evaluate` \
             {}. The difference, {}, is the per-call `Guide::with_service`: a deep copy of \
             one locale's guide with `{{service}}` filled in, then dropped ({} when measured \
             on its own). Keeping the localized guide per (locale, service) in \
             `PasskeyReady`, rebuilt when a bundle is loaded or reset, would bring every \
             evaluate through Kotlin and Swift that much closer to `readiness::evaluate`.\n",
                t(sdk_mean),
                t(eval_mean),
                t(sdk_mean - eval_mean),
                t(with_service),
            ));
        }
        let parse = crit("content/parse_guides");
        let validate = crit("content/validate");
        let load = crit("content/load_bundle");
        if !validate.is_nan() && !parse.is_nan() && cold >= parse + validate * 0.5 {
            d.push_str(&format!(
                "- **First use validates content that cannot change.** Parsing the embedded \
             guide takes {} and `content::validate` {}. The embedded guide is compiled in \
             and validated by the test suite on every build, so validating it again at run \
             time could be skipped (bundles loaded at run time must stay validated); first \
             use would then cost about the parse.\n",
                t(parse),
                t(validate),
            ));
        }
        if !load.is_nan() && !validate.is_nan() {
            d.push_str(&format!(
                "- **A bundle loaded at run time pays for validation.** `loadBundle` with the \
             whole guide (`Bundle::from_json`) takes {}, of which `content::validate` is \
             about {}; the content-safety rules run over every text. It happens once per \
             bundle, off the customer's path if the app loads bundles at start-up in the \
             background.\n",
                t(load),
                t(validate),
            ));
        }
        if let (Some(k), Some(s)) = (
            kotlin_worst.is_finite().then_some(kotlin_worst),
            swift_worst.is_finite().then_some(swift_worst),
        ) {
            d.push_str(&format!(
                "- **Crossing the bindings costs more than the work.** The slowest evaluate costs \
             {} through Kotlin/JNA and {} through Swift against {} for the Rust side alone. \
             The report crosses as one serialized buffer that the generated code turns into \
             objects, every text a new string; JNA adds its own per-call allocations of \
             `Structure`s and native `Memory`. An app calls evaluate once per screen, so this \
             is invisible to a customer; it matters only against the targets.\n",
                t(k),
                t(s),
                t(crit(&format!("sdk_evaluate/{kotlin_worst_name}"))),
            ));
        }
        if let Some((krate, bytes)) = crate_growth(&lib_unstripped, &empty_unstripped).first() {
            d.push_str(&format!(
                "- **Size is code, not content.** The crate that adds most is `{krate}` ({:+.0} \
             KiB of symbols); see [Size](#size) for the rest.\n",
                bytes / 1024.0
            ));
        }
        d.push('\n');
    }
}
