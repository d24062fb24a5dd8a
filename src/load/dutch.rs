//! Dutch input understood: the words a Dutch author writes where the plan format has its own
//! (`doelen:` for `goals:`, `status: in uitvoering`, `ja`, `31-12-2026`), each mapped to the
//! format's exact word so that the finding can offer it as a safe fix.
//!
//! Pure lookups; the structure check (`super::structure`) decides where they apply and only
//! suggests a key or value that is valid at that place. The enum words come from the one table
//! the reports use (`plan::domain::every_enum_words`), so what a report shows can be typed back.

use chrono::NaiveDate;

use crate::plan::domain::every_enum_words;

/// Dutch keys (folded as [`fold`] does) and the format's key each stands for. A key is only
/// suggested where the format allows it, so one Dutch word may stand for keys at several places.
const KEYS: &[(&str, &str)] = &[
    ("doelen", "goals"),
    ("doelstellingen", "goals"),
    ("themas", "themes"),
    ("werkgroep", "workgroup"),
    ("werkgroepen", "workgroups"),
    ("aanspreekpunt", "board_contact"),
    ("bestuurlijk_aanspreekpunt", "board_contact"),
    ("eigenaar", "owner"),
    ("nulmeting", "baseline"),
    ("datum_nulmeting", "baseline_date"),
    ("nulmeting_datum", "baseline_date"),
    ("streefwaarde", "target"),
    ("mijlpalen", "milestones"),
    ("metingen", "measurements"),
    ("naam", "name"),
    ("titel", "title"),
    ("omschrijving", "description"),
    ("beschrijving", "description"),
    ("richting", "direction"),
    ("eenheid", "unit"),
    ("waarde", "value"),
    ("datum", "date"),
    ("jaar", "year"),
    ("bedrag", "amount_eur"),
    ("bedrag_eur", "amount_eur"),
    ("jaarbedrag", "yearly_amount_eur"),
    ("jaarlijks_bedrag", "yearly_amount_eur"),
    ("personen", "people"),
    ("mensen", "people"),
    ("persoon", "person"),
    ("organisaties", "organisations"),
    ("organisatie", "organisation"),
    ("leden", "members"),
    ("bestuur", "board"),
    ("orgaan", "body"),
    ("samenstelling", "composition"),
    ("rol", "role"),
    ("functie", "role"),
    ("rollen", "roles"),
    ("beroep", "profession"),
    ("gemeenten", "municipalities"),
    ("gemeentes", "municipalities"),
    ("gemeente", "municipality"),
    ("wijken", "neighbourhoods"),
    ("wijk", "neighbourhood"),
    ("programmas", "programmes"),
    ("programma", "programme"),
    ("contracten", "contracts"),
    ("zorgverzekeraar", "insurer"),
    ("verzekeraar", "insurer"),
    ("mede_verzekeraars", "co_insurers"),
    ("voorkeursverzekeraar", "preferred_insurer"),
    ("financiering", "funding"),
    ("betaler", "payer"),
    ("ontvanger", "recipient"),
    ("begin", "start"),
    ("startdatum", "start"),
    ("einde", "end"),
    ("eind", "end"),
    ("einddatum", "end"),
    ("periode", "period"),
    ("planperiode", "period"),
    ("regio", "region"),
    ("kerncijfers", "key_figures"),
    ("cijfers", "figures"),
    ("praktijken", "practices"),
    ("huisartsen", "gps"),
    ("ingeschreven_patienten", "listed_patients"),
    ("documenten", "documents"),
    ("bronnen", "sources"),
    ("notitie", "note"),
    ("opmerking", "note"),
    ("toelichting", "note"),
    ("onderbouwing", "rationale"),
    ("ambitie", "ambition"),
    ("prioriteiten", "priorities"),
    ("speerpunten", "priorities"),
    ("mandaten", "mandates"),
    ("samenwerkingsverbanden", "partnerships"),
    ("samenwerking", "collaboration"),
    ("bestuursmodel", "governance_model"),
    ("besturing", "governance"),
    ("rechtsvorm", "legal_form"),
    ("korte_naam", "short_name"),
    ("afkorting", "short_name"),
    ("lokale_naam", "local_name"),
    ("sinds", "since"),
    ("tot", "until"),
    ("gestart", "started"),
    ("toegetreden", "joined"),
    ("uitgetreden", "left"),
    ("opgegaan_in", "merged_into"),
    ("geschiedenis", "history"),
    ("gebeurtenis", "event"),
    ("vastgesteld", "adopted"),
    ("vastgesteld_door", "adopted_by"),
    ("uitgever", "publisher"),
    ("aangevraagd_door", "requested_by"),
    ("gegeven_door", "given_by"),
    ("resultaatafspraken", "result_agreements"),
    ("voorwaarden", "conditions"),
    ("voldaan", "met"),
    ("deelname", "uptake"),
    ("niveau", "level"),
    ("soort", "kind"),
    ("bouwstenen", "building_blocks"),
    ("bouwsteen", "block"),
    ("diensten", "services"),
    ("plaatsen", "places"),
    ("segmenten", "segments"),
    ("aantal", "count"),
    ("peildatum", "as_of"),
    ("stand_per", "as_of"),
    ("beheerder", "manager"),
    ("beheerd_sinds", "managed_since"),
    ("strategisch", "strategic"),
    ("verklaring", "statement"),
    ("extra_aandacht", "extra_attention"),
    ("lerend_netwerk", "learning_network"),
    ("neemt_besluiten", "takes_decisions"),
    ("gelijke_stemmen", "equal_votes"),
    ("illustratief", "illustrative"),
    ("bij_benadering", "approximate"),
];

/// Dutch words for `true` and `false`.
const BOOLEANS: &[(&str, &str)] = &[
    ("ja", "true"),
    ("waar", "true"),
    ("nee", "false"),
    ("onwaar", "false"),
];

/// Dutch month names and their usual abbreviations, January first.
const MONTHS: [&[&str]; 12] = [
    &["januari", "jan"],
    &["februari", "feb"],
    &["maart", "mrt", "mar"],
    &["april", "apr"],
    &["mei"],
    &["juni", "jun"],
    &["juli", "jul"],
    &["augustus", "aug"],
    &["september", "sep", "sept"],
    &["oktober", "okt"],
    &["november", "nov"],
    &["december", "dec"],
];

/// A key as it is compared: lower case, without accents and apostrophes (`thema's`,
/// `Thema’s`), spaces and hyphens as `_`.
fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.trim().chars().flat_map(char::to_lowercase) {
        match c {
            '\'' | '’' | '‘' | '`' => {}
            ' ' | '-' => out.push('_'),
            'à' | 'á' | 'â' | 'ä' => out.push('a'),
            'è' | 'é' | 'ê' | 'ë' => out.push('e'),
            'ì' | 'í' | 'î' | 'ï' => out.push('i'),
            'ò' | 'ó' | 'ô' | 'ö' => out.push('o'),
            'ù' | 'ú' | 'û' | 'ü' => out.push('u'),
            other => out.push(other),
        }
    }
    out
}

/// The format's key for a Dutch key, when that key is one of `allowed` (the keys valid here).
#[must_use]
pub fn key(written: &str, allowed: &[String]) -> Option<&'static str> {
    let folded = fold(written);
    KEYS.iter()
        .filter(|(dutch, _)| *dutch == folded)
        .map(|(_, key)| *key)
        .find(|key| allowed.iter().any(|a| a == key))
}

/// The format's word for a value written as the words a report shows for it, in Dutch or in
/// English (`in uitvoering`, `In progress`, `omhoog`), when that word is one of `allowed`.
#[must_use]
pub fn enum_word(written: &str, allowed: &[String]) -> Option<&'static str> {
    let folded = fold(written);
    every_enum_words()
        .iter()
        .filter(|(name, en, nl)| {
            *name != written && (fold(nl) == folded || fold(en) == folded || fold(name) == folded)
        })
        .map(|(name, _, _)| *name)
        .find(|name| allowed.iter().any(|a| a == name))
}

/// `true` or `false` for a Dutch yes or no (`ja`, `Nee`, `waar`, `onwaar`).
#[must_use]
pub fn boolean(written: &str) -> Option<&'static str> {
    let folded = fold(written);
    BOOLEANS
        .iter()
        .find(|(dutch, _)| *dutch == folded)
        .map(|(_, word)| *word)
}

/// The month (1-12) a Dutch month name or abbreviation stands for.
fn month(name: &str) -> Option<u32> {
    let name = fold(name.trim_end_matches('.'));
    let index = MONTHS
        .iter()
        .position(|names| names.contains(&name.as_str()))?;
    u32::try_from(index).ok()?.checked_add(1)
}

/// A date written the Dutch way as the format writes it: `31-12-2026`, `1-3-2021`,
/// `31/12/2026`, `31.12.2026`, `31 december 2026`, `1 maart 2021`, and `maart 2021` (a month)
/// become `2026-12-31`, `2021-03-01`, `2021-03`. Only a date that exists.
#[must_use]
pub fn date(written: &str) -> Option<String> {
    let text = written.trim();
    let numeric: Vec<&str> = text.split(['-', '/', '.']).collect();
    let (day, month_no, year) = match numeric.as_slice() {
        [d, m, y]
            if [d, m, y]
                .iter()
                .all(|p| p.bytes().all(|b| b.is_ascii_digit())) =>
        {
            (d.parse().ok()?, m.parse().ok()?, *y)
        }
        _ => {
            let words: Vec<&str> = text.split_whitespace().collect();
            match words.as_slice() {
                [d, m, y] => (d.parse().ok()?, month(m)?, *y),
                [m, y] => {
                    let m = month(m)?;
                    let y: i32 = four_digits(y)?;
                    NaiveDate::from_ymd_opt(y, m, 1)?;
                    return Some(format!("{y:04}-{m:02}"));
                }
                _ => return None,
            }
        }
    };
    let year = four_digits(year)?;
    let date = NaiveDate::from_ymd_opt(year, month_no, day)?;
    Some(date.format("%Y-%m-%d").to_string())
}

fn four_digits(year: &str) -> Option<i32> {
    if year.len() == 4 && year.bytes().all(|b| b.is_ascii_digit()) {
        year.parse().ok()
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn allowed(keys: &[&str]) -> Vec<String> {
        keys.iter().map(|k| (*k).to_string()).collect()
    }

    #[test]
    fn dutch_keys_become_the_formats_key_only_where_it_is_allowed() {
        let here = allowed(&["goals", "themes", "workgroup", "baseline"]);
        assert_eq!(key("doelen", &here), Some("goals"));
        assert_eq!(key("thema's", &here), Some("themes"));
        assert_eq!(key("Themas", &here), Some("themes"));
        assert_eq!(key("werkgroep", &here), Some("workgroup"));
        assert_eq!(key("nulmeting", &here), Some("baseline"));
        assert_eq!(key("streefwaarde", &here), None, "no `target` here");
        assert_eq!(key("bogus", &here), None);
    }

    #[test]
    fn report_words_become_the_formats_word() {
        let status = allowed(&["planned", "in_progress", "at_risk", "achieved", "stopped"]);
        assert_eq!(enum_word("in uitvoering", &status), Some("in_progress"));
        assert_eq!(enum_word("In Uitvoering", &status), Some("in_progress"));
        assert_eq!(enum_word("in progress", &status), Some("in_progress"));
        assert_eq!(enum_word("behaald", &status), Some("achieved"));
        assert_eq!(enum_word("omhoog", &status), None, "a direction word");
        let direction = allowed(&["increase", "decrease", "maintain"]);
        assert_eq!(enum_word("omhoog", &direction), Some("increase"));
        assert_eq!(enum_word("Omlaag", &direction), Some("decrease"));
    }

    #[test]
    fn ja_and_nee_are_true_and_false() {
        assert_eq!(boolean("ja"), Some("true"));
        assert_eq!(boolean("Nee"), Some("false"));
        assert_eq!(boolean("onwaar"), Some("false"));
        assert_eq!(boolean("misschien"), None);
    }

    #[test]
    fn dutch_dates_are_written_year_month_day() {
        assert_eq!(date("31-12-2026").as_deref(), Some("2026-12-31"));
        assert_eq!(date("1-3-2021").as_deref(), Some("2021-03-01"));
        assert_eq!(date("31/12/2026").as_deref(), Some("2026-12-31"));
        assert_eq!(date("31 december 2026").as_deref(), Some("2026-12-31"));
        assert_eq!(date("1 maart 2021").as_deref(), Some("2021-03-01"));
        assert_eq!(date("1 mrt. 2021").as_deref(), Some("2021-03-01"));
        assert_eq!(date("maart 2021").as_deref(), Some("2021-03"));
        assert_eq!(date("31-2-2026"), None, "no such day");
        assert_eq!(date("31-12-26"), None, "which century");
        assert_eq!(date("31 smarch 2026"), None);
    }
}
