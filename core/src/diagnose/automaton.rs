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

/// The most slots of the first state's table (32 KiB): a bundle's messages have far fewer
/// distinct units.
const MAX_TABLE: usize = 4096;
/// Transitions a state keeps in place before it needs a map.
const INLINE: usize = 3;

/// A state's transitions. Nearly every state of a message-sized input has one or two: they are
/// kept in place, without an allocation (a map per state made allocating half of a diagnosis's
/// cost); a state with more gets an ordered map, so that a look-up stays logarithmic whatever
/// the input holds. The first state has a transition for every distinct unit of the input and
/// is where reading a message restarts after each mismatch: it gets a table indexed by the
/// symbol (symbols are numbered from 0 per bundle), one look-up per step.
#[derive(Clone)]
enum Next {
    Table {
        /// By symbol; `usize::MAX` for none.
        table: Vec<usize>,
        /// Symbols past the table (the one standing for units no message has).
        rest: BTreeMap<Symbol, usize>,
    },
    Inline {
        len: usize,
        items: [(Symbol, usize); INLINE],
    },
    Map(BTreeMap<Symbol, usize>),
}

impl Next {
    const EMPTY: Next = Next::Inline {
        len: 0,
        items: [(0, 0); INLINE],
    };

    /// A table for the symbols below `bound`.
    fn table(bound: usize) -> Next {
        Next::Table {
            table: vec![usize::MAX; bound],
            rest: BTreeMap::new(),
        }
    }

    fn get(&self, symbol: Symbol) -> Option<usize> {
        match self {
            Next::Table { table, rest } => match table.get(symbol as usize) {
                Some(&to) => (to != usize::MAX).then_some(to),
                None => rest.get(&symbol).copied(),
            },
            Next::Inline { len, items } => items
                .iter()
                .take(*len)
                .find(|(s, _)| *s == symbol)
                .map(|(_, to)| *to),
            Next::Map(map) => map.get(&symbol).copied(),
        }
    }

    fn get_mut(&mut self, symbol: Symbol) -> Option<&mut usize> {
        match self {
            Next::Table { table, rest } => match table.get_mut(symbol as usize) {
                Some(to) => (*to != usize::MAX).then_some(to),
                None => rest.get_mut(&symbol),
            },
            Next::Inline { len, items } => items
                .iter_mut()
                .take(*len)
                .find(|(s, _)| *s == symbol)
                .map(|(_, to)| to),
            Next::Map(map) => map.get_mut(&symbol),
        }
    }

    /// Adds a transition for a symbol that has none yet.
    fn insert(&mut self, symbol: Symbol, to: usize) {
        match self {
            Next::Table { table, rest } => match table.get_mut(symbol as usize) {
                Some(slot) => *slot = to,
                None => {
                    rest.insert(symbol, to);
                }
            },
            Next::Inline { len, items } => match items.get_mut(*len) {
                Some(slot) => {
                    *slot = (symbol, to);
                    *len += 1;
                }
                None => {
                    let mut map: BTreeMap<Symbol, usize> = items.iter().copied().collect();
                    map.insert(symbol, to);
                    *self = Next::Map(map);
                }
            },
            Next::Map(map) => {
                map.insert(symbol, to);
            }
        }
    }

    fn len(&self) -> usize {
        match self {
            Next::Table { table, rest } => {
                table.iter().filter(|&&to| to != usize::MAX).count() + rest.len()
            }
            Next::Inline { len, .. } => *len,
            Next::Map(map) => map.len(),
        }
    }
}

struct State {
    /// Length of the longest input substring this state stands for.
    len: usize,
    /// The state of the longest proper suffix standing for other end positions.
    link: Option<usize>,
    next: Next,
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
        // Symbols past the largest in the input need no slot; the table is capped so that a
        // large symbol (units no message has share `Symbol::MAX`) goes to the map instead.
        let bound = input
            .iter()
            .map(|&s| s as usize + 1)
            .filter(|&b| b <= MAX_TABLE)
            .max()
            .unwrap_or(0);
        let root = State {
            len: 0,
            link: None,
            next: Next::table(bound),
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
                next: Next::EMPTY,
                first_end: i,
            });
            let mut p = Some(last);
            while let Some(at) = p {
                super::steps::count(1);
                let Some(state) = states.get_mut(at) else {
                    break;
                };
                if state.next.get(symbol).is_some() {
                    break;
                }
                state.next.insert(symbol, cur);
                p = state.link;
            }
            let link = match p {
                None => 0,
                Some(at) => {
                    let (p_len, q) = match states.get(at) {
                        Some(s) => (s.len, s.next.get(symbol).unwrap_or(0)),
                        None => (0, 0),
                    };
                    let q_len = states.get(q).map_or(0, |s| s.len);
                    if p_len + 1 == q_len {
                        q
                    } else {
                        let clone = states.len();
                        let (next, q_link, first_end) = match states.get(q) {
                            Some(s) => (s.next.clone(), s.link, s.first_end),
                            None => (Next::EMPTY, None, 0),
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
                            match state.next.get_mut(symbol) {
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
    ///
    /// `runs` is cleared first: one buffer serves every message of a call.
    pub(crate) fn runs_into(&self, message: &[Symbol], runs: &mut Vec<Run>) {
        runs.clear();
        let mut state = 0;
        let mut len = 0;
        let mut pending: Option<Run> = None;
        for (j, symbol) in message.iter().enumerate() {
            super::steps::count(1);
            while let Some(s) = self.states.get(state) {
                if let Some(to) = s.next.get(*symbol) {
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
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn runs(input: &[u32], message: &[u32]) -> Vec<(usize, usize, usize)> {
        let mut out = Vec::new();
        Automaton::new(input).runs_into(message, &mut out);
        out.into_iter()
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
            let mut found = Vec::new();
            automaton.runs_into(&message, &mut found);
            for run in found {
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
