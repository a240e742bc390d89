//! Just enough of the zip format to take members out of a `.docx`: the central directory
//! (with its zip64 forms), stored or deflated members (`miniz_oxide`), and their CRC-32.
//! The `zip` crate did the same for 83 KB more of gzipped wasm (measured), most of it for
//! writing, encryption and formats a `.docx` never uses.

/// One member, as the central directory describes it.
struct Entry {
    name: String,
    method: u16,
    encrypted: bool,
    crc: u32,
    compressed: u64,
    size: u64,
    local_offset: u64,
}

pub(super) struct Archive<'a> {
    bytes: &'a [u8],
    entries: Vec<Entry>,
}

/// Why a member could not be taken out.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum ZipError {
    /// No end-of-central-directory record: not a zip.
    NotZip,
    /// The directory or a member is cut or inconsistent, or its CRC-32 is wrong.
    Damaged(&'static str),
    /// Encrypted, or compressed with something other than deflate.
    Unsupported,
    /// Inflates beyond the limit.
    TooLarge,
}

fn u16_at(bytes: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(bytes.get(at..at + 2)?.try_into().ok()?))
}

fn u32_at(bytes: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(bytes.get(at..at + 4)?.try_into().ok()?))
}

fn u64_at(bytes: &[u8], at: usize) -> Option<u64> {
    Some(u64::from_le_bytes(bytes.get(at..at + 8)?.try_into().ok()?))
}

const END: u32 = 0x0605_4b50;
const END64: u32 = 0x0606_4b50;
const END64_LOCATOR: u32 = 0x0706_4b50;
const CENTRAL: u32 = 0x0201_4b50;
const LOCAL: u32 = 0x0403_4b50;

impl<'a> Archive<'a> {
    pub(super) fn new(bytes: &'a [u8]) -> Result<Archive<'a>, ZipError> {
        // The end record is the last 22 bytes, unless a comment (≤ 65535 bytes) follows it.
        let earliest = bytes.len().saturating_sub(22 + 0xFFFF);
        let end = (earliest..=bytes.len().saturating_sub(22))
            .rev()
            .find(|&at| u32_at(bytes, at) == Some(END))
            .ok_or(ZipError::NotZip)?;
        let damaged = ZipError::Damaged("目录不完整");
        let mut count = u64::from(u16_at(bytes, end + 10).ok_or(ZipError::NotZip)?);
        let mut offset = u64::from(u32_at(bytes, end + 16).ok_or(ZipError::NotZip)?);
        if count == 0xFFFF || offset == 0xFFFF_FFFF {
            // zip64: the locator just before the end record points to the zip64 end record.
            let locator = end
                .checked_sub(20)
                .ok_or(ZipError::Damaged("zip64 目录不完整"))?;
            if u32_at(bytes, locator) == Some(END64_LOCATOR) {
                let at = u64_at(bytes, locator + 8).ok_or(ZipError::Damaged("zip64"))?;
                let at = usize::try_from(at).map_err(|_| ZipError::Damaged("zip64"))?;
                if u32_at(bytes, at) != Some(END64) {
                    return Err(ZipError::Damaged("zip64 目录不完整"));
                }
                count = u64_at(bytes, at + 32).ok_or(ZipError::Damaged("zip64"))?;
                offset = u64_at(bytes, at + 48).ok_or(ZipError::Damaged("zip64"))?;
            }
        }
        let mut at = usize::try_from(offset).map_err(|_| ZipError::Damaged("目录位置有误"))?;
        // Each entry takes at least 46 bytes: a count beyond that is a lie.
        if count > (bytes.len() / 46) as u64 {
            return Err(damaged);
        }
        let mut entries = Vec::with_capacity(count as usize);
        for _ in 0..count {
            if u32_at(bytes, at) != Some(CENTRAL) {
                return Err(ZipError::Damaged("目录不完整"));
            }
            let field = |offset: usize| u32_at(bytes, at + offset).map(u64::from);
            let flags = u16_at(bytes, at + 8).ok_or(ZipError::Damaged("目录不完整"))?;
            let method = u16_at(bytes, at + 10).ok_or(ZipError::Damaged("目录不完整"))?;
            let name_len = usize::from(u16_at(bytes, at + 28).unwrap_or(0));
            let extra_len = usize::from(u16_at(bytes, at + 30).unwrap_or(0));
            let comment_len = usize::from(u16_at(bytes, at + 32).unwrap_or(0));
            let name_at = at + 46;
            let name = bytes
                .get(name_at..name_at + name_len)
                .ok_or(ZipError::Damaged("目录不完整"))?;
            let mut entry = Entry {
                name: String::from_utf8_lossy(name).replace('\\', "/"),
                method,
                encrypted: flags & 1 != 0,
                crc: u32_at(bytes, at + 16).ok_or(ZipError::Damaged("目录不完整"))?,
                compressed: field(20).ok_or(ZipError::Damaged("目录不完整"))?,
                size: field(24).ok_or(ZipError::Damaged("目录不完整"))?,
                local_offset: field(42).ok_or(ZipError::Damaged("目录不完整"))?,
            };
            let extra = bytes
                .get(name_at + name_len..name_at + name_len + extra_len)
                .unwrap_or_default();
            read_zip64_extra(&mut entry, extra);
            entries.push(entry);
            at = name_at + name_len + extra_len + comment_len;
        }
        Ok(Archive { bytes, entries })
    }

    pub(super) fn contains(&self, name: &str) -> bool {
        self.find(name).is_some()
    }

    /// Names are compared without regard to case: some writers spell `Word/Document.xml`.
    fn find(&self, name: &str) -> Option<&Entry> {
        self.entries.iter().find(|e| e.name == name).or_else(|| {
            self.entries
                .iter()
                .find(|e| e.name.eq_ignore_ascii_case(name))
        })
    }

    /// A member's bytes, inflated up to `limit`; `Ok(None)` when there is no such member.
    pub(super) fn read(&self, name: &str, limit: usize) -> Result<Option<Vec<u8>>, ZipError> {
        let Some(entry) = self.find(name) else {
            return Ok(None);
        };
        if entry.encrypted || !matches!(entry.method, 0 | 8) {
            return Err(ZipError::Unsupported);
        }
        let local = usize::try_from(entry.local_offset).map_err(|_| ZipError::Damaged("位置"))?;
        if u32_at(self.bytes, local) != Some(LOCAL) {
            return Err(ZipError::Damaged("文件头有误"));
        }
        let name_len = usize::from(u16_at(self.bytes, local + 26).unwrap_or(0));
        let extra_len = usize::from(u16_at(self.bytes, local + 28).unwrap_or(0));
        let start = local + 30 + name_len + extra_len;
        let compressed =
            usize::try_from(entry.compressed).map_err(|_| ZipError::Damaged("大小有误"))?;
        let data = self
            .bytes
            .get(start..start.saturating_add(compressed))
            .ok_or(ZipError::Damaged("文件被截断"))?;
        let out = if entry.method == 0 {
            if data.len() > limit {
                return Err(ZipError::TooLarge);
            }
            data.to_vec()
        } else {
            miniz_oxide::inflate::decompress_to_vec_with_limit(data, limit).map_err(|e| match e
                .status
            {
                miniz_oxide::inflate::TINFLStatus::HasMoreOutput => ZipError::TooLarge,
                _ => ZipError::Damaged("解压出错"),
            })?
        };
        if out.len() as u64 != entry.size || crc32(&out) != entry.crc {
            return Err(ZipError::Damaged("校验和不符"));
        }
        Ok(Some(out))
    }
}

/// The zip64 extra field (id 1) holds, in order, whichever of the sizes and the offset are
/// `0xFFFFFFFF` in the entry itself.
fn read_zip64_extra(entry: &mut Entry, mut extra: &[u8]) {
    while let (Some(id), Some(len)) = (u16_at(extra, 0), u16_at(extra, 2)) {
        let len = usize::from(len);
        let body = extra.get(4..4 + len).unwrap_or_default();
        if id == 1 {
            let mut at = 0;
            for field in [
                &mut entry.size,
                &mut entry.compressed,
                &mut entry.local_offset,
            ] {
                if *field == 0xFFFF_FFFF {
                    if let Some(value) = u64_at(body, at) {
                        *field = value;
                        at += 8;
                    }
                }
            }
        }
        extra = extra.get(4 + len..).unwrap_or_default();
    }
}

/// CRC-32 (IEEE), a byte at a time through a table made at compile time.
fn crc32(bytes: &[u8]) -> u32 {
    const fn table() -> [u32; 256] {
        let mut table = [0u32; 256];
        let mut n = 0;
        while n < 256 {
            let mut c = n as u32;
            let mut k = 0;
            while k < 8 {
                c = if c & 1 != 0 {
                    0xEDB8_8320 ^ (c >> 1)
                } else {
                    c >> 1
                };
                k += 1;
            }
            table[n] = c;
            n += 1;
        }
        table
    }
    const TABLE: [u32; 256] = table();
    !bytes.iter().fold(!0u32, |c, &b| {
        TABLE[((c ^ u32::from(b)) & 0xFF) as usize] ^ (c >> 8)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc32_of_known_strings() {
        assert_eq!(crc32(b""), 0);
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(
            crc32(b"The quick brown fox jumps over the lazy dog"),
            0x414F_A339
        );
    }

    #[test]
    fn not_a_zip() {
        assert_eq!(Archive::new(b"").err(), Some(ZipError::NotZip));
        assert_eq!(
            Archive::new(b"PK\x03\x04hello").err(),
            Some(ZipError::NotZip)
        );
    }
}
