//! `guide`: the whole guide or one device's, as text, Markdown, JSON or an HTML page; with
//! `--os-version`, the steps written for that version of the device's OS.

use clap::ValueEnum;
use passkey_ready_core::content::{render, variants, Bundle, Locale};
use passkey_ready_core::session::GuidePage;
use passkey_ready_core::Platform;

use crate::Failure;

#[derive(clap::Args)]
pub struct Args {
    #[arg(long, value_enum, default_value_t = Lang::Ja)]
    lang: Lang,
    /// Only this device's guide.
    #[arg(long, value_enum)]
    device: Option<Device>,
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// The service name shown in the texts (default: the content's own).
    #[arg(long)]
    service: Option<String>,
    /// The device's OS version (`17.5`, `14`): show the steps for it instead of every
    /// version's.
    #[arg(long, requires = "device")]
    os_version: Option<String>,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum Lang {
    Ja,
    En,
}

impl From<Lang> for Locale {
    fn from(lang: Lang) -> Locale {
        match lang {
            Lang::Ja => Locale::Ja,
            Lang::En => Locale::En,
        }
    }
}

/// The device guides, by the names the page's table uses. Each maps to a guide id.
#[derive(Clone, Copy, ValueEnum)]
enum Device {
    Android,
    #[value(alias = "ios")]
    Iphone,
    Mac,
    #[value(alias = "windows_hello")]
    WindowsHello,
    #[value(alias = "windows_chrome")]
    WindowsChrome,
}

impl Device {
    fn guide_id(self) -> &'static str {
        match self {
            Device::Android => "android",
            Device::Iphone => "ios",
            Device::Mac => "mac",
            Device::WindowsHello => "windows_hello",
            Device::WindowsChrome => "windows_chrome",
        }
    }

    fn platform(self) -> Platform {
        match self {
            Device::Android => Platform::Android,
            Device::Iphone => Platform::Ios,
            Device::Mac => Platform::Macos,
            Device::WindowsHello | Device::WindowsChrome => Platform::Windows,
        }
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Text,
    Json,
    Markdown,
    /// A standalone, accessible HTML5 page (no script, no external assets).
    Html,
}

pub fn run(args: &Args) -> Result<String, Failure> {
    crate::input::service(args.service.as_deref())?;
    let bundle = Bundle::embedded().map_err(|e| Failure(e.to_string()))?;
    let mut guide = bundle
        .guide(args.lang.into())
        .with_service(args.service.as_deref());
    if let (Some(device), Some(text)) = (args.device, &args.os_version) {
        let version =
            variants::parse_os_version(text).map_err(|e| Failure(format!("os_version: {e}")))?;
        guide = guide.for_os(device.platform(), &version);
    }
    let missing = |id: &str| Failure(format!("the content has no guide {id:?}"));
    match (args.format, args.device.map(Device::guide_id)) {
        (Format::Text, None) => Ok(render::text(&guide)),
        (Format::Text, Some(id)) => render::device_text_of(&guide, id).ok_or_else(|| missing(id)),
        (Format::Markdown, None) => Ok(render::markdown(&guide)),
        (Format::Markdown, Some(id)) => {
            render::device_markdown_of(&guide, id).ok_or_else(|| missing(id))
        }
        (Format::Json, None) => json(&guide),
        (Format::Json, Some(id)) => json(guide.device_guide(id).ok_or_else(|| missing(id))?),
        (Format::Html, device) => {
            let page =
                GuidePage::new(&guide, device).ok_or_else(|| missing(device.unwrap_or("")))?;
            Ok(crate::html::guide_page(&page))
        }
    }
}

pub fn json<T: serde::Serialize>(value: &T) -> Result<String, Failure> {
    serde_json::to_string_pretty(value)
        .map(|s| s + "\n")
        .map_err(|e| Failure(e.to_string()))
}
