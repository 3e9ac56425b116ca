//! The map's look: base colours, sizes relative to the image, languages and the words on the map.

use crate::date::YearMonth;

/// The language of the words on the map.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Lang {
    #[default]
    En,
    Nl,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Nl => "nl",
        }
    }
}

/// Which faction colours to use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Palette {
    /// The colours readers know from the widely published control maps.
    #[default]
    Default,
    /// A colour-blind-safe set (Okabe–Ito).
    Cvd,
}

impl Palette {
    pub fn code(self) -> &'static str {
        match self {
            Palette::Default => "default",
            Palette::Cvd => "cvd",
        }
    }
}

pub const SEA: &str = "#d3e3ef";
pub const LAND_FOCUS: &str = "#f6f3ec";
pub const LAND_OTHER: &str = "#e7e3da";
pub const ADMIN1_LINE: &str = "#bcb4a6";
pub const BORDER: &str = "#6b655c";
pub const WATER_LINE: &str = "#5d9bcf";
pub const WATER_LABEL: &str = "#2f6fa6";
pub const COUNTRY_LABEL: &str = "#8c857a";
pub const INK: &str = "#1f1f1f";
pub const MUTED: &str = "#5a5a5a";
pub const HALO: &str = "#ffffff";
pub const FRONT: &str = "#2a2a2a";
pub const CONFLICT: &str = "#c4001d";
pub const UNKNOWN: &str = "#9a9a9a";
pub const PAPER: &str = "#ffffff";

/// Opacity of control-area fills.
pub const AREA_OPACITY: f64 = 0.34;
/// Opacity of a stale marker.
pub const STALE_OPACITY: f64 = 0.42;

/// Sizes scale with the image: one unit is a pixel at 1600×1200.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Units(pub f64);

impl Units {
    pub fn for_size(width: u32, height: u32) -> Units {
        Units((f64::from(width) / 1600.0).min(f64::from(height) / 1200.0).max(0.25))
    }

    pub fn of(self, px: f64) -> f64 {
        self.0 * px
    }
}

const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const MONTHS_NL: [&str; 12] = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
];

/// "October 2017" / "oktober 2017".
pub fn month_title(month: YearMonth, lang: Lang) -> String {
    let names = if lang == Lang::Nl { MONTHS_NL } else { MONTHS_EN };
    format!("{} {}", names[usize::from(month.month - 1)], month.year)
}

/// A status in the map's language (for tooltips).
pub fn status_word(status: crate::timeline::Status, lang: Lang) -> &'static str {
    use crate::timeline::Status;
    match (lang, status) {
        (Lang::En, status) => status.as_str(),
        (Lang::Nl, Status::Held) => "in handen",
        (Lang::Nl, Status::Contested) => "omstreden",
        (Lang::Nl, Status::Besieged) => "belegerd",
        (Lang::Nl, Status::Partial) => "deels in handen",
        (Lang::Nl, Status::Unknown) => "onbekend",
    }
}

/// The words on the map, by language.
pub struct Words {
    pub subtitle: &'static str,
    /// The subtitle when not every source is a news article (URLs, data sets, agencies).
    pub subtitle_sources: &'static str,
    pub legend_title: &'static str,
    pub contested: &'static str,
    pub partial: &'static str,
    pub besieged: &'static str,
    pub unconfirmed: &'static str,
    pub stale: &'static str,
    pub changed: &'static str,
    pub conflict: &'static str,
    pub unknown: &'static str,
    pub front: &'static str,
    pub region: &'static str,
    /// The marker's white centre dot.
    pub single_source: &'static str,
    pub claims_from: &'static str,
    pub sources: &'static str,
    pub rule: &'static str,
    pub no_claims: &'static str,
}

pub fn words(lang: Lang) -> Words {
    match lang {
        Lang::En => Words {
            subtitle: "Who held what at the end of the month, from dated claims in news reports",
            subtitle_sources: "Who held what at the end of the month, from dated claims and the sources they cite",
            legend_title: "Control",
            contested: "contested",
            partial: "partly held",
            besieged: "besieged (ring: besieger)",
            unconfirmed: "claimed or reported, unconfirmed",
            stale: "newest evidence over 6 months old",
            changed: "changed hands this month",
            conflict: "sources disagree",
            unknown: "lost, new holder unknown",
            front: "front line (approximate)",
            region: "claim about an area",
            single_source: "one source only (dot)",
            claims_from: "claims from",
            sources: "sources",
            rule: "Areas: each town's nearest-town cell within {R} km, cut to its country, merged by holder; approximate, not surveyed front lines.",
            no_claims: "No claims yet",
        },
        Lang::Nl => Words {
            subtitle: "Wie had wat in handen aan het eind van de maand, volgens gedateerde claims in nieuwsberichten",
            subtitle_sources: "Wie had wat in handen aan het eind van de maand, volgens gedateerde claims en hun bronnen",
            legend_title: "Controle",
            contested: "omstreden",
            partial: "deels in handen",
            besieged: "belegerd (ring: belegeraar)",
            unconfirmed: "geclaimd of onbevestigd",
            stale: "nieuwste bron ouder dan 6 maanden",
            changed: "deze maand van hand gewisseld",
            conflict: "bronnen spreken elkaar tegen",
            unknown: "verloren, nieuwe bezitter onbekend",
            front: "frontlinie (bij benadering)",
            region: "claim over een gebied",
            single_source: "maar één bron (stip)",
            claims_from: "claims uit",
            sources: "bronnen",
            rule: "Gebieden: per plaats het gebied dat dichter bij die plaats ligt dan bij andere, binnen {R} km, binnen het eigen land, samengevoegd per partij; bij benadering.",
            no_claims: "Nog geen claims",
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn month_titles_in_both_languages() {
        let october = YearMonth { year: 2017, month: 10 };
        assert_eq!(month_title(october, Lang::En), "October 2017");
        assert_eq!(month_title(october, Lang::Nl), "oktober 2017");
    }
}
