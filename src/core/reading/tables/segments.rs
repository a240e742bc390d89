//! Cutting a table's tokens into segments: labels (consecutive text, reduced to Han
//! characters), values and gaps.

use crate::text::tokens::{push_han, Kind, Token};

/// A label chunk: consecutive text tokens, reduced to Han characters.
#[derive(Clone, Debug)]
pub(super) struct Label {
    pub han: String,
    /// Han characters in the whole chunk (`han` keeps only the tail of very long prose).
    pub han_len: usize,
    /// Lines of its first and last pieces (a label may wrap).
    pub line: usize,
    pub last_line: usize,
    pub start: usize,
    pub end: usize,
}

#[derive(Clone, Debug)]
pub(super) enum Seg {
    Label(Label),
    Value(Token),
    Gap(Token),
}

impl Seg {
    pub(super) fn start(&self) -> usize {
        match self {
            Seg::Label(l) => l.start,
            Seg::Value(t) | Seg::Gap(t) => t.start,
        }
    }
}

/// Longest tail of a label kept for matching; rows' labels are far shorter.
pub(super) const LABEL_TAIL_BYTES: usize = 600;
/// An unrecognised label this long is prose, not a wrapped fragment of a row label.
pub(super) const PROSE_CHARS: usize = 8;

/// Groups tokens into labels, values and gaps. A gap ends a label: an empty field or line
/// after a row's label may be that row's blank cell, while a label wrapped over lines has no
/// gap inside.
pub(super) fn segments(tokens: &[Token], text: &str) -> Vec<Seg> {
    let mut segs = Vec::with_capacity(tokens.len());
    let mut pending_gaps: Vec<Token> = Vec::new();
    let mut open: Option<Label> = None;
    for &token in tokens {
        match token.kind {
            Kind::Text => {
                let piece = &text[token.start..token.end];
                if !pending_gaps.is_empty() {
                    segs.extend(open.take().map(Seg::Label));
                    segs.extend(pending_gaps.drain(..).map(Seg::Gap));
                }
                match open.as_mut() {
                    Some(label) => {
                        label.han_len += push_han(piece, &mut label.han);
                        label.end = token.end;
                        label.last_line = token.line;
                        if label.han.len() > 2 * LABEL_TAIL_BYTES {
                            let cut = label.han.len() - tail(&label.han, LABEL_TAIL_BYTES).len();
                            label.han.drain(..cut);
                        }
                    }
                    None => {
                        let mut han = String::with_capacity(piece.len());
                        open = Some(Label {
                            han_len: push_han(piece, &mut han),
                            han,
                            line: token.line,
                            last_line: token.line,
                            start: token.start,
                            end: token.end,
                        });
                    }
                }
            }
            Kind::Gap(_) => pending_gaps.push(token),
            Kind::Num(..) | Kind::Blank => {
                segs.extend(open.take().map(Seg::Label));
                segs.extend(pending_gaps.drain(..).map(Seg::Gap));
                segs.push(Seg::Value(token));
            }
        }
    }
    segs.extend(open.take().map(Seg::Label));
    segs.extend(pending_gaps.drain(..).map(Seg::Gap));
    segs
}

/// The last `bytes` of `text` at most, cut at a character boundary.
pub(super) fn tail(text: &str, bytes: usize) -> &str {
    &text[text.ceil_char_boundary(text.len().saturating_sub(bytes))..]
}
