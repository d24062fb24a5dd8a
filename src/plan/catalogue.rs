//! The built-in catalogue of building blocks (bouwstenen) of Hechte Huisartsenzorg.
//!
//! The catalogue is data, `building_blocks.toml`, embedded in the binary, so that a later
//! version (or a user) can replace it without touching code.

use serde::Deserialize;

use super::raw::DocumentKind;

/// The embedded catalogue text.
pub const BUILT_IN: &str = include_str!("building_blocks.toml");

/// A catalogue of building blocks.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Catalogue {
    pub version: u32,
    pub source: String,
    #[serde(rename = "block")]
    pub blocks: Vec<BuildingBlock>,
}

/// One building block.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BuildingBlock {
    pub id: String,
    pub name: String,
    pub summary: String,
    /// Plan documents that are evidence for the block when adopted or published, e.g. the
    /// regioplan for the regiovisie.
    #[serde(default)]
    pub documents: Vec<DocumentKind>,
}

impl Catalogue {
    /// Parses a catalogue from TOML text.
    pub fn from_toml(text: &str) -> Result<Self, toml::de::Error> {
        toml::from_str(text)
    }

    /// The catalogue built into regioplan.
    #[must_use]
    pub fn built_in() -> Self {
        // The embedded text is part of the binary and covered by a unit test; an error here is
        // a build defect, never user input. Fall back to an empty catalogue rather than panic.
        Self::from_toml(BUILT_IN).unwrap_or(Self {
            version: 1,
            source: String::new(),
            blocks: Vec::new(),
        })
    }

    /// The ids of all blocks, in catalogue order.
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.blocks.iter().map(|b| b.id.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn built_in_catalogue_parses_and_has_the_six_blocks() {
        let catalogue = Catalogue::from_toml(BUILT_IN).expect("embedded catalogue parses");
        let ids: Vec<&str> = catalogue.ids().collect();
        assert_eq!(
            ids,
            [
                "regiovisie",
                "samenwerkingsafspraken",
                "informatiebeleid",
                "arbeidsmarkt",
                "ontzorging",
                "innovatie-kwaliteit"
            ]
        );
    }
}
