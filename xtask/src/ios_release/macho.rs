//! What the iOS checks read from a static library: its architectures (one archive, or a
//! universal file of several), and per object file the platform and minimum OS it was built
//! for, the symbols it defines and the ones it needs. Parsed in-process with goblin, like the
//! Android checks, so they need no Apple tools.

use std::collections::BTreeSet;
use std::path::Path;

use goblin::archive::Archive;
use goblin::mach::constants::cputype::{CPU_TYPE_ARM64, CPU_TYPE_X86_64};
use goblin::mach::fat::{FatArch, FAT_MAGIC, SIZEOF_FAT_ARCH, SIZEOF_FAT_HEADER};
use goblin::mach::load_command::CommandVariant;
use goblin::mach::symbols::{N_EXT, N_SECT, N_TYPE, N_UNDF};
use goblin::mach::MachO;

/// The platform and minimum OS an object says it was built for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BuildVersion {
    /// LC_BUILD_VERSION's platform (2 iOS, 6 Mac Catalyst, 7 iOS simulator); LC_VERSION_MIN_IPHONEOS, the older
    /// command some prebuilt objects carry, names no platform beyond "iOS": `None`.
    pub platform: Option<u32>,
    /// xxxx.yy.zz in nibbles.
    pub minos: u32,
}

pub fn version_text(encoded: u32) -> String {
    format!("{}.{}", encoded >> 16, (encoded >> 8) & 0xff)
}

pub struct Object {
    pub member: String,
    pub version: Option<BuildVersion>,
    /// Global symbols defined in a `__TEXT,__text` section: functions a linker can call.
    pub functions: BTreeSet<String>,
    pub undefined: BTreeSet<String>,
    /// Bytes of executable code (`__TEXT,__text` and other code sections).
    pub code_bytes: u64,
    /// Sections of debug info (`__DWARF`) or bitcode (`__LLVM`), by name.
    pub debug_or_bitcode: Vec<String>,
    pub cputype: u32,
}

/// One architecture of a static library: its object files.
pub struct ArchArchive {
    pub arch: &'static str,
    pub objects: Vec<Object>,
}

pub fn arch_name(cputype: u32) -> &'static str {
    match cputype {
        CPU_TYPE_ARM64 => "arm64",
        CPU_TYPE_X86_64 => "x86_64",
        _ => "unknown",
    }
}

fn section_name(bytes: &[u8; 16]) -> String {
    let end = bytes.iter().position(|b| *b == 0).unwrap_or(bytes.len());
    String::from_utf8_lossy(bytes.get(..end).unwrap_or_default()).into_owned()
}

/// The first bytes of a 64-bit little-endian Mach-O file (arm64, x86_64).
const MH_MAGIC_64_LE: [u8; 4] = 0xfeed_facf_u32.to_le_bytes();

const S_ATTR_PURE_INSTRUCTIONS: u32 = 0x8000_0000;
const S_ATTR_SOME_INSTRUCTIONS: u32 = 0x0000_0400;

fn object(member: &str, macho: &MachO<'_>) -> Result<Object, String> {
    let mut version = None;
    for command in &macho.load_commands {
        match &command.command {
            CommandVariant::BuildVersion(v) => {
                version = Some(BuildVersion {
                    platform: Some(v.platform),
                    minos: v.minos,
                });
            }
            CommandVariant::VersionMinIphoneos(v) => {
                version = Some(BuildVersion {
                    platform: None,
                    minos: v.version,
                });
            }
            _ => {}
        }
    }
    // Section numbers are 1-based over all sections of all segments, in order.
    let mut text_sections = BTreeSet::new();
    let mut code_bytes = 0;
    let mut number = 0_usize;
    let mut debug_or_bitcode = Vec::new();
    for segment in macho.segments.iter() {
        let sections = segment
            .sections()
            .map_err(|e| format!("{member}: sections: {e}"))?;
        for (section, _) in sections {
            number += 1;
            let executable =
                section.flags & (S_ATTR_PURE_INSTRUCTIONS | S_ATTR_SOME_INSTRUCTIONS) != 0;
            if executable {
                code_bytes += section.size;
            }
            let (segment_name, name) = (
                section_name(&section.segname),
                section_name(&section.sectname),
            );
            if segment_name == "__TEXT" && name == "__text" {
                text_sections.insert(number);
            }
            if segment_name == "__DWARF" || segment_name == "__LLVM" {
                debug_or_bitcode.push(format!("{segment_name},{name}"));
            }
        }
    }
    let mut functions = BTreeSet::new();
    let mut undefined = BTreeSet::new();
    if let Some(symbols) = &macho.symbols {
        for entry in symbols.iter() {
            let (name, nlist) = entry.map_err(|e| format!("{member}: symbols: {e}"))?;
            if nlist.is_stab() || nlist.n_type & N_EXT == 0 {
                continue;
            }
            match nlist.n_type & N_TYPE {
                N_UNDF => {
                    undefined.insert(name.to_owned());
                }
                N_SECT if text_sections.contains(&nlist.n_sect) => {
                    functions.insert(name.to_owned());
                }
                _ => {}
            }
        }
    }
    Ok(Object {
        member: member.to_owned(),
        version,
        functions,
        undefined,
        code_bytes,
        debug_or_bitcode,
        cputype: macho.header.cputype,
    })
}

/// The Mach-O objects of one `!<arch>` archive. Crate metadata (lib.rmeta) and the symbol
/// index are not objects and are skipped.
fn thin_archive(path: &Path, bytes: &[u8]) -> Result<Vec<Object>, String> {
    let archive = Archive::parse(bytes).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut objects = Vec::new();
    for index in 0..archive.len() {
        let Some(member) = archive.get_at(index) else {
            continue;
        };
        let name = member.extended_name();
        let start = usize::try_from(member.offset).map_err(|e| e.to_string())?;
        let data = bytes
            .get(start..start + member.size())
            .ok_or_else(|| format!("{}: member {name} is cut short", path.display()))?;
        if data.get(..4) != Some(&MH_MAGIC_64_LE[..]) {
            continue;
        }
        let macho =
            MachO::parse(data, 0).map_err(|e| format!("{} ({name}): {e}", path.display()))?;
        objects.push(object(name, &macho)?);
    }
    if objects.is_empty() {
        return Err(format!(
            "{}: no Mach-O object in the archive",
            path.display()
        ));
    }
    Ok(objects)
}

fn be_u32(bytes: &[u8], at: usize) -> Option<u32> {
    bytes
        .get(at..at + 4)
        .and_then(|b| <[u8; 4]>::try_from(b).ok())
        .map(u32::from_be_bytes)
}

/// The fat_arch records of a universal file, or `None` when `bytes` is not one.
pub fn fat_arches(bytes: &[u8]) -> Result<Option<Vec<FatArch>>, String> {
    if be_u32(bytes, 0) != Some(FAT_MAGIC) {
        return Ok(None);
    }
    let count = be_u32(bytes, 4).ok_or("universal header cut short")? as usize;
    (0..count)
        .map(|i| {
            FatArch::parse(bytes, SIZEOF_FAT_HEADER + i * SIZEOF_FAT_ARCH)
                .map_err(|e| format!("fat_arch {i}: {e}"))
        })
        .collect::<Result<Vec<_>, _>>()
        .map(Some)
}

/// Every architecture of a static library, thin or universal.
pub fn read(path: &Path) -> Result<Vec<ArchArchive>, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let parts: Vec<&[u8]> =
        match fat_arches(&bytes).map_err(|e| format!("{}: {e}", path.display()))? {
            None => vec![&bytes],
            Some(arches) => {
                let mut parts = Vec::new();
                for arch in arches {
                    let start = arch.offset as usize;
                    let part = bytes
                        .get(start..start + arch.size as usize)
                        .ok_or_else(|| {
                            format!("{}: an architecture lies outside the file", path.display())
                        })?;
                    parts.push(part);
                }
                parts
            }
        };
    let mut result = Vec::new();
    for part in parts {
        let objects = thin_archive(path, part)?;
        let cputypes: BTreeSet<u32> = objects.iter().map(|o| o.cputype).collect();
        let [cputype] = cputypes.into_iter().collect::<Vec<_>>()[..] else {
            return Err(format!(
                "{}: one architecture's archive mixes CPU types",
                path.display()
            ));
        };
        result.push(ArchArchive {
            arch: arch_name(cputype),
            objects,
        });
    }
    Ok(result)
}

/// The CPU type and subtype of a thin archive's objects (what a fat_arch record names).
pub fn cpu_of_archive(path: &Path, bytes: &[u8]) -> Result<(u32, u32), String> {
    let archive = Archive::parse(bytes).map_err(|e| format!("{}: {e}", path.display()))?;
    for index in 0..archive.len() {
        let Some(member) = archive.get_at(index) else {
            continue;
        };
        let start = usize::try_from(member.offset).map_err(|e| e.to_string())?;
        let Some(data) = bytes.get(start..start + member.size()) else {
            continue;
        };
        if data.get(..4) == Some(&MH_MAGIC_64_LE[..]) {
            let macho = MachO::parse(data, 0).map_err(|e| format!("{}: {e}", path.display()))?;
            return Ok((macho.header.cputype, macho.header.cpusubtype));
        }
    }
    Err(format!(
        "{}: no Mach-O object in the archive",
        path.display()
    ))
}
