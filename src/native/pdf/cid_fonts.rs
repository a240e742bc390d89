//! Chinese fonts that are not embedded (`STSong-Light` with `UniGB-UCS2-H`, `GBK-EUC-H`):
//! their text is in a predefined CMap that `pdf-extract` does not know, so it cannot read it.
//! The page's reader (pdf.js) ships those CMaps. Here the few that matter for Chinese are
//! rewritten before reading into what `pdf-extract` does know — codes taken as their own
//! glyph ids (`Identity-H` or an explicit code space) and a ToUnicode map built from the
//! encoding itself (UCS-2 is Unicode; GBK and Big5 through `encoding_rs`). Their glyph widths
//! are by CID, which the rewrite no longer has, so ASCII is taken as half an em and the rest
//! as one, as these fonts draw them.

use encoding_rs::{Encoding, BIG5, GBK};
use std::collections::BTreeSet;

use lopdf::content::Content;
use lopdf::{dictionary, Dictionary, Document, Object, ObjectId, Stream};

/// How a predefined CMap turns bytes into text.
enum Predefined {
    /// Two bytes per character, the UCS-2 / UTF-16 code unit (`UniGB-UCS2-H`, `UniCNS-UTF16-H`).
    Unicode,
    /// One byte for ASCII, two for the rest, in a legacy Chinese encoding (`GBK-EUC-H`,
    /// `GB-EUC-H`, `GBpc-EUC-H`, `B5pc-H`, `ETen-B5-H`).
    TwoByte(&'static Encoding),
}

fn predefined(name: &[u8]) -> Option<Predefined> {
    let name = std::str::from_utf8(name).ok()?;
    let base = name
        .strip_suffix("-H")
        .or_else(|| name.strip_suffix("-V"))?;
    if base.starts_with("Uni") && (base.ends_with("-UCS2") || base.ends_with("-UTF16")) {
        return Some(Predefined::Unicode);
    }
    match base {
        "GBK-EUC" | "GB-EUC" | "GBpc-EUC" | "GBKp-EUC" => Some(Predefined::TwoByte(GBK)),
        "B5pc" | "ETen-B5" | "HKscs-B5" | "ETenms-B5" => Some(Predefined::TwoByte(BIG5)),
        _ => None,
    }
}

/// Rewrites every Type0 font whose encoding is a predefined Chinese CMap (see the module).
pub fn use_unicode_mappings(document: &mut Document) {
    let fonts: Vec<(ObjectId, Predefined)> = document
        .objects
        .iter()
        .filter_map(|(&id, object)| {
            let dict = object.as_dict().ok()?;
            let subtype = dict.get(b"Subtype").ok()?.as_name().ok()?;
            let encoding = dict.get(b"Encoding").ok()?.as_name().ok()?;
            (subtype == b"Type0")
                .then(|| predefined(encoding))
                .flatten()
                .map(|p| (id, p))
        })
        .collect();
    if fonts.is_empty() {
        return;
    }
    let strings = shown_strings(document);
    for (id, kind) in fonts {
        rewrite(document, id, &kind, &strings);
    }
}

/// Rewrites one font; `strings` are what the pages show ([`shown_strings`]).
fn rewrite(document: &mut Document, font: ObjectId, kind: &Predefined, strings: &[Vec<u8>]) {
    let encoding: Object = match kind {
        Predefined::Unicode => Object::Name(b"Identity-H".to_vec()),
        Predefined::TwoByte(_) => {
            Object::Reference(document.add_object(cmap_stream(&code_space())))
        }
    };
    let has_unicode_map = document
        .get_dictionary(font)
        .is_ok_and(|dict| dict.has(b"ToUnicode"));
    let to_unicode = (!has_unicode_map).then(|| {
        let map = match kind {
            Predefined::Unicode => unicode_map(strings),
            Predefined::TwoByte(encoding) => legacy_map(strings, encoding),
        };
        document.add_object(cmap_stream(&map))
    });
    let descendant = document.get_dictionary(font).ok().and_then(|dict| {
        dict.get(b"DescendantFonts")
            .ok()?
            .as_array()
            .ok()?
            .first()?
            .as_reference()
            .ok()
    });
    if let Ok(dict) = document.get_dictionary_mut(font) {
        dict.set("Encoding", encoding);
        if let Some(map) = to_unicode {
            dict.set("ToUnicode", Object::Reference(map));
        }
    }
    if let Some(Ok(dict)) = descendant.map(|id| document.get_dictionary_mut(id)) {
        set_widths(dict);
    }
}

/// ASCII half an em, the rest the default of one em.
fn set_widths(dict: &mut Dictionary) {
    let half: Vec<Object> = (0x20..0x7f).map(|_| Object::Integer(500)).collect();
    dict.set("W", vec![Object::Integer(0x20), Object::Array(half)]);
    dict.set("DW", 1000);
}

fn cmap_stream(body: &str) -> Stream {
    let text = format!(
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CMapType 2 def\n{body}endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n"
    );
    Stream::new(dictionary! {}, text.into_bytes())
}

/// One byte up to 0x80, two from 0x8140: each code its own CID. Written for what
/// `adobe-cmap-parser` 0.4 and `pdf-extract` 0.12 make of it: the parser takes a range's code
/// length as half its bytes (so the ranges are written twice as long), reads a block of several
/// CID ranges wrongly (one per block), and the reader adds a range's first CID to the code
/// itself (so it is 0). `tests/pdf_files.rs` reads GBK-coded reports through it.
fn code_space() -> String {
    [
        "2 begincodespacerange\n<0000> <0080>\n<00008140> <0000FEFE>\nendcodespacerange\n",
        "1 begincidrange\n<00> <80> 0\nendcidrange\n",
        "1 begincidrange\n<8140> <FEFE> 0\nendcidrange\n",
    ]
    .concat()
}

/// The strings every page and form shows (`Tj`, `TJ`, `'`, `"`): the codes a ToUnicode map
/// needs. Mapping only these keeps the map small; `pdf-extract` parses it once per page.
fn shown_strings(document: &Document) -> Vec<Vec<u8>> {
    let mut contents: Vec<Vec<u8>> = document
        .get_pages()
        .values()
        .filter_map(|&page| document.get_page_content(page).ok())
        .collect();
    contents.extend(document.objects.values().filter_map(|object| {
        let stream = object.as_stream().ok()?;
        let form = stream.dict.get(b"Subtype").ok()?.as_name().ok()? == b"Form";
        form.then(|| stream.decompressed_content().ok()).flatten()
    }));
    let mut strings = Vec::new();
    for content in contents {
        let Ok(content) = Content::decode(&content) else {
            continue;
        };
        for operation in content.operations {
            if matches!(operation.operator.as_str(), "Tj" | "TJ" | "'" | "\"") {
                collect_strings(&operation.operands, &mut strings);
            }
        }
    }
    strings
}

fn collect_strings(operands: &[Object], strings: &mut Vec<Vec<u8>>) {
    for operand in operands {
        match operand {
            Object::String(bytes, _) => strings.push(bytes.clone()),
            Object::Array(items) => collect_strings(items, strings),
            _ => {}
        }
    }
}

/// Each two-byte code shown to the same UTF-16 unit (surrogates left out).
fn unicode_map(strings: &[Vec<u8>]) -> String {
    let codes: BTreeSet<u16> = strings
        .iter()
        .flat_map(|s| {
            s.chunks_exact(2)
                .map(|pair| u16::from_be_bytes([pair[0], pair[1]]))
        })
        .collect();
    let pairs: Vec<(String, char)> = codes
        .into_iter()
        .filter_map(|code| Some((format!("{code:04X}"), char::from_u32(u32::from(code))?)))
        .collect();
    "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n".to_string() + &bfchars(&pairs)
}

/// Each ASCII byte and each two-byte code shown that the encoding decodes to one character.
fn legacy_map(strings: &[Vec<u8>], encoding: &'static Encoding) -> String {
    let mut codes: BTreeSet<Vec<u8>> = BTreeSet::new();
    for string in strings {
        let mut bytes = string.iter();
        while let Some(&b) = bytes.next() {
            match b {
                0..=0x80 => codes.insert(vec![b]),
                _ => codes.insert(bytes.next().map_or(vec![b], |&t| vec![b, t])),
            };
        }
    }
    let pairs: Vec<(String, char)> = codes
        .into_iter()
        .filter_map(|code| {
            let (text, malformed) = encoding.decode_without_bom_handling(&code);
            let mut chars = text.chars();
            let hex: String = code.iter().map(|b| format!("{b:02X}")).collect();
            match (malformed, chars.next(), chars.next()) {
                (false, Some(c), None) => Some((hex, c)),
                _ => None,
            }
        })
        .collect();
    "2 begincodespacerange\n<00> <80>\n<8140> <FEFE>\nendcodespacerange\n".to_string()
        + &bfchars(&pairs)
}

/// `bfchar` blocks of at most 100 entries.
fn bfchars(pairs: &[(String, char)]) -> String {
    let mut out = String::new();
    for block in pairs.chunks(100) {
        out.push_str(&format!("{} beginbfchar\n", block.len()));
        for (code, c) in block {
            let mut units = [0u16; 2];
            let hex: String = c
                .encode_utf16(&mut units)
                .iter()
                .map(|u| format!("{u:04X}"))
                .collect();
            out.push_str(&format!("<{code}> <{hex}>\n"));
        }
        out.push_str("endbfchar\n");
    }
    out
}
