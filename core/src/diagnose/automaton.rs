//! A suffix automaton of the input, so that every message is compared with it in one pass.
//!
//! Built in O(n log n) for an input of n units; [`Automaton::runs`] then walks a message of m
//! units in O(m log n) and reports, for each place in the message, the longest run of units
//! ending there that also occurs in the input. Comparing a message costs no more than reading
//! it, whatever the two texts hold: no step rescans either text (the cost of Ratcliff/Obershelp,
//! which looked for the longest common run again on each side of every run it found).

use std::collections::BTreeMap;

/// A unit of text as a number (see `prepared::Interner`).
pub(crate) type Symbol = u32;

struct State {
    /// Length of the longest input substring this state stands for.
    len: usize,
    /// The state of the longest proper suffix standing for other end positions.
    link: Option<usize>,
    next: BTreeMap<Symbol, usize>,
    /// Where (the index of its last unit) the first occurrence in the input ends.
    first_end: usize,
}

pub(crate) struct Automaton {
    states: Vec<State>,
}

/// A run of units shared by the input and a message: `len` units ending at `message_end` in the
/// message and at `input_end` in the input (both inclusive).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Run {
    pub message_end: usize,
    pub input_end: usize,
    pub len: usize,
}

impl Automaton {
    pub(crate) fn new(input: &[Symbol]) -> Automaton {
        let root = State {
            len: 0,
            link: None,
            next: BTreeMap::new(),
            first_end: 0,
        };
        let mut states = Vec::with_capacity(input.len() * 2 + 1);
        states.push(root);
        let mut last = 0;
        for (i, &symbol) in input.iter().enumerate() {
            let cur = states.len();
            let len = states.get(last).map_or(0, |s| s.len) + 1;
            states.push(State {
                len,
                link: None,
                next: BTreeMap::new(),
                first_end: i,
            });
            let mut p = Some(last);
            while let Some(at) = p {
                super::steps::count(1);
                let Some(state) = states.get_mut(at) else {
                    break;
                };
                if state.next.contains_key(&symbol) {
                    break;
                }
                state.next.insert(symbol, cur);
                p = state.link;
            }
            let link = match p {
                None => 0,
                Some(at) => {
                    let (p_len, q) = match states.get(at) {
                        Some(s) => (s.len, s.next.get(&symbol).copied().unwrap_or(0)),
                        None => (0, 0),
                    };
                    let q_len = states.get(q).map_or(0, |s| s.len);
                    if p_len + 1 == q_len {
                        q
                    } else {
                        let clone = states.len();
                        let (next, q_link, first_end) = match states.get(q) {
                            Some(s) => (s.next.clone(), s.link, s.first_end),
                            None => (BTreeMap::new(), None, 0),
                        };
                        super::steps::count(next.len() as u64);
                        states.push(State {
                            len: p_len + 1,
                            link: q_link,
                            next,
                            first_end,
                        });
                        let mut p = Some(at);
                        while let Some(at) = p {
                            super::steps::count(1);
                            let Some(state) = states.get_mut(at) else {
                                break;
                            };
                            match state.next.get_mut(&symbol) {
                                Some(target) if *target == q => *target = clone,
                                _ => break,
                            }
                            p = state.link;
                        }
                        if let Some(state) = states.get_mut(q) {
                            state.link = Some(clone);
                        }
                        clone
                    }
                }
            };
            if let Some(state) = states.get_mut(cur) {
                state.link = Some(link);
            }
            last = cur;
        }
        Automaton { states }
    }

    /// The maximal runs of `message` that occur in the input, in message order: each is the
    /// longest shared run ending where it ends, and cannot be extended to the right.
    pub(crate) fn runs(&self, message: &[Symbol]) -> Vec<Run> {
        let mut runs = Vec::new();
        let mut state = 0;
        let mut len = 0;
        let mut pending: Option<Run> = None;
        for (j, symbol) in message.iter().enumerate() {
            super::steps::count(1);
            while let Some(s) = self.states.get(state) {
                if let Some(&to) = s.next.get(symbol) {
                    state = to;
                    len += 1;
                    break;
                }
                match s.link {
                    Some(link) => {
                        super::steps::count(1);
                        state = link;
                        len = self.states.get(link).map_or(0, |l| l.len);
                    }
                    None => {
                        len = 0;
                        break;
                    }
                }
            }
            let here = (len > 0).then(|| Run {
                message_end: j,
                input_end: self.states.get(state).map_or(0, |s| s.first_end),
                len,
            });
            if let Some(before) = pending {
                if here.map_or(true, |h| h.len != before.len + 1) {
                    runs.push(before);
                }
            }
            pending = here;
        }
        runs.extend(pending);
        runs
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn runs(input: &[u32], message: &[u32]) -> Vec<(usize, usize, usize)> {
        Automaton::new(input)
            .runs(message)
            .into_iter()
            .map(|r| (r.message_end, r.input_end, r.len))
            .collect()
    }

    #[test]
    fn finds_the_shared_runs_in_message_order() {
        // message 1 2 3 9 4 5; input 7 1 2 3 8 4 5
        assert_eq!(
            runs(&[7, 1, 2, 3, 8, 4, 5], &[1, 2, 3, 9, 4, 5]),
            [(2, 3, 3), (5, 6, 2)]
        );
        assert_eq!(runs(&[1, 2, 3], &[1, 2, 3]), [(2, 2, 3)]);
        assert_eq!(runs(&[1, 2], &[3, 4]), []);
        assert_eq!(runs(&[], &[3, 4]), []);
        // A repeated unit: the run restarts at the second 1.
        assert_eq!(runs(&[1, 2, 1, 3], &[1, 3]), [(1, 3, 2)]);
    }

    /// Every reported run is shared, and no longer shared run ends at the same place.
    #[test]
    fn runs_agree_with_a_naive_search() {
        let mut state: u64 = 0x2545_F491_4F6C_DD1D;
        let mut next = move |bound: u64| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % bound) as u32
        };
        for _ in 0..300 {
            let input: Vec<u32> = (0..next(30)).map(|_| next(4)).collect();
            let message: Vec<u32> = (0..next(30)).map(|_| next(4)).collect();
            let automaton = Automaton::new(&input);
            let longest_at = |j: usize| {
                (1..=j + 1)
                    .rev()
                    .find(|&l| input.windows(l).any(|w| w == &message[j + 1 - l..=j]))
                    .unwrap_or(0)
            };
            for run in automaton.runs(&message) {
                let j = run.message_end;
                assert_eq!(run.len, longest_at(j), "{input:?} {message:?}");
                let piece = &message[j + 1 - run.len..=j];
                assert_eq!(&input[run.input_end + 1 - run.len..=run.input_end], piece);
                if j + 1 < message.len() {
                    assert_ne!(longest_at(j + 1), run.len + 1);
                }
            }
        }
    }
}
