//! Where the cursor is in the plan format, read from the text's indentation so that it works
//! while a line is half typed and the document does not parse: the keys and list items from
//! the top to the cursor, and what the plan schema says about that place.

use serde_json::Value;

/// One step from the top of the document to the cursor.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Step {
    Key(String),
    Item,
}

/// One line as the path finder sees it: its list dashes, and the key it starts (if any).
#[derive(Debug)]
struct Line<'a> {
    /// The column of the line's last `- ` (a list item starts here), if any.
    dash: Option<usize>,
    /// The column where the content after the dashes starts.
    content: usize,
    /// `key` of `key: ...` or `key:`.
    key: Option<&'a str>,
    /// Whether the key has a value on the same line.
    inline_value: bool,
}

fn read_line(line: &str) -> Option<Line<'_>> {
    let mut col = line.len() - line.trim_start_matches(' ').len();
    let mut dash = None;
    let mut rest = line.get(col..)?;
    while let Some(after) = rest
        .strip_prefix('-')
        .filter(|a| a.is_empty() || a.starts_with(' '))
    {
        dash = Some(col);
        let spaces = after.len() - after.trim_start_matches(' ').len();
        col += 1 + spaces;
        rest = after.get(spaces..)?;
    }
    let rest = rest.trim_end();
    if rest.starts_with('#') || (rest.is_empty() && dash.is_none()) {
        return None;
    }
    let key = key_of(rest);
    let inline_value = key.is_some_and(|k| {
        let after = rest.get(k.len() + 1..).unwrap_or_default().trim();
        !after.is_empty() && !after.starts_with('#')
    });
    Some(Line {
        dash,
        content: col,
        key,
        inline_value,
    })
}

/// The key of a `key: value` text, if it starts with a plain key.
fn key_of(text: &str) -> Option<&str> {
    let end = text.find(':')?;
    let key = text.get(..end)?;
    let after = text.get(end + 1..)?;
    let plain = !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.'));
    (plain && (after.is_empty() || after.starts_with(' '))).then_some(key)
}

/// What the cursor's line is, for completion and hover.
#[derive(Debug, PartialEq, Eq)]
pub struct Place {
    /// The steps to the mapping (or list) the cursor's line is in.
    pub container: Vec<Step>,
    /// The key of the cursor's line when the cursor is after its colon (a value is wanted).
    pub value_of: Option<String>,
    /// Whether the line is a list item whose value is a scalar (`- ...` under a key).
    pub scalar_item: bool,
    /// The key the line starts with and its byte span.
    pub key: Option<(String, crate::diagnostic::Span)>,
    /// Where the value (or the key being typed) starts: what a completion replaces.
    pub word_start: usize,
}

/// Where the cursor at byte `offset` of `text` is.
#[must_use]
pub fn place(text: &str, offset: usize) -> Place {
    let offset = offset.min(text.len());
    let line_start = text
        .get(..offset)
        .and_then(|t| t.rfind('\n'))
        .map_or(0, |i| i + 1);
    let line_end = text
        .get(offset..)
        .and_then(|t| t.find('\n'))
        .map_or(text.len(), |i| offset + i);
    let line = text.get(line_start..line_end).unwrap_or_default();
    let before = text.get(line_start..offset).unwrap_or_default();
    let above = text.get(..line_start).unwrap_or_default();
    let parsed = read_line(line);
    let (content, dash) = match &parsed {
        Some(l) => (l.content, l.dash),
        None => (before.len() - before.trim_start_matches(' ').len(), None),
    };
    let mut container = Vec::new();
    if let Some(d) = dash {
        container = parents(above, Looking::Seq(d));
        container.push(Step::Item);
    } else {
        container.extend(parents(above, Looking::Map(content)));
    }
    let key = parsed.as_ref().and_then(|l| l.key);
    let after_colon = key.is_some_and(|k| before.len() > content + k.len());
    let value_of = if after_colon {
        key.map(String::from)
    } else {
        None
    };
    let scalar_item = dash.is_some() && key.is_none() && before.len() >= content;
    let word_start = if after_colon {
        let after = key.map_or(0, |k| content + k.len() + 1);
        let value = before.get(after..).unwrap_or_default();
        line_start + after + (value.len() - value.trim_start().len())
    } else {
        line_start + content.min(before.len())
    };
    Place {
        container,
        value_of,
        scalar_item,
        key: key.map(|k| {
            (
                k.to_string(),
                crate::diagnostic::Span::new(line_start + content, k.len()),
            )
        }),
        word_start,
    }
}

/// The keys already written in the mapping of the cursor's line, above and below it.
#[must_use]
pub fn sibling_keys(text: &str, offset: usize) -> Vec<String> {
    let offset = offset.min(text.len());
    let line_start = text
        .get(..offset)
        .and_then(|t| t.rfind('\n'))
        .map_or(0, |i| i + 1);
    let line_end = text
        .get(offset..)
        .and_then(|t| t.find('\n'))
        .map_or(text.len(), |i| offset + i);
    let this = read_line(text.get(line_start..line_end).unwrap_or_default());
    let col = this.as_ref().map_or(offset - line_start, |l| l.content);
    let starts_item = this.as_ref().is_some_and(|l| l.dash.is_some());
    let mut keys = Vec::new();
    if !starts_item {
        for line in text
            .get(..line_start)
            .unwrap_or_default()
            .lines()
            .rev()
            .filter_map(read_line)
        {
            if line.content < col {
                break;
            }
            if line.content == col {
                keys.extend(line.key.map(String::from));
                if line.dash.is_some() {
                    break;
                }
            }
        }
    }
    let below = text.get(line_end..).unwrap_or_default();
    for line in below.lines().filter_map(read_line) {
        if line.content < col || (line.content == col && line.dash.is_some()) {
            break;
        }
        if line.content == col {
            keys.extend(line.key.map(String::from));
        }
    }
    keys
}

#[derive(Debug, Clone, Copy)]
enum Looking {
    /// The parent of a mapping whose keys are at this column.
    Map(usize),
    /// The key of a list whose dashes are at this column.
    Seq(usize),
}

/// The steps to the container described by `looking`, from the lines above it.
fn parents(above: &str, mut looking: Looking) -> Vec<Step> {
    let mut steps = Vec::new();
    for raw in above.lines().rev() {
        let Some(line) = read_line(raw) else { continue };
        match looking {
            Looking::Map(0) => break,
            Looking::Map(col) => {
                if line.content == col && line.dash.is_some() {
                    // The first key of the list item our mapping is.
                    steps.push(Step::Item);
                    looking = Looking::Seq(line.dash.unwrap_or_default());
                } else if line.content < col {
                    let Some(key) = line.key.filter(|_| !line.inline_value) else {
                        break;
                    };
                    steps.push(Step::Key(key.to_string()));
                    looking = match line.dash {
                        Some(d) => {
                            steps.push(Step::Item);
                            Looking::Seq(d)
                        }
                        None => Looking::Map(line.content),
                    };
                }
            }
            Looking::Seq(d) => {
                let owner = line.content < d || (line.content == d && line.dash.is_none());
                if owner {
                    let Some(key) = line.key.filter(|_| !line.inline_value) else {
                        break;
                    };
                    steps.push(Step::Key(key.to_string()));
                    looking = match line.dash {
                        Some(d) => {
                            steps.push(Step::Item);
                            Looking::Seq(d)
                        }
                        None => Looking::Map(line.content),
                    };
                }
            }
        }
    }
    steps.reverse();
    steps
}

/// The schema of the node at `steps` below `root` (`$ref`s into `root`'s `$defs` followed).
#[must_use]
pub fn schema_at<'a>(root: &'a Value, steps: &[Step]) -> Option<&'a Value> {
    let mut node = resolve(root, root);
    for step in steps {
        node = match step {
            Step::Key(key) => resolve(root, properties(root, node)?.get(key)?),
            Step::Item => resolve(root, node.get("items")?),
        };
    }
    Some(node)
}

/// The properties of a mapping schema.
#[must_use]
pub fn properties<'a>(
    root: &'a Value,
    node: &'a Value,
) -> Option<&'a serde_json::Map<String, Value>> {
    resolve(root, node).get("properties")?.as_object()
}

/// Follows a `$ref` (and a one-alternative `allOf`) to the schema it names.
#[must_use]
pub fn resolve<'a>(root: &'a Value, mut node: &'a Value) -> &'a Value {
    for _ in 0..8 {
        if let Some(name) = node
            .get("$ref")
            .and_then(Value::as_str)
            .and_then(|r| r.strip_prefix("#/$defs/"))
            && let Some(target) = root.get("$defs").and_then(|d| d.get(name))
        {
            node = target;
            continue;
        }
        break;
    }
    node
}

/// The values a schema allows, with their descriptions: `enum` or `oneOf` of `const`s.
#[must_use]
pub fn enum_values<'a>(root: &'a Value, node: &'a Value) -> Vec<(&'a str, Option<&'a str>)> {
    let node = resolve(root, node);
    if let Some(values) = node.get("enum").and_then(Value::as_array) {
        return values
            .iter()
            .filter_map(Value::as_str)
            .map(|v| (v, None))
            .collect();
    }
    node.get("oneOf")
        .and_then(Value::as_array)
        .map(|alternatives| {
            alternatives
                .iter()
                .filter_map(|a| {
                    let value = a.get("const")?.as_str()?;
                    Some((value, a.get("description").and_then(Value::as_str)))
                })
                .collect()
        })
        .unwrap_or_default()
}

/// The description of a schema node (its own, else the one of what it refers to).
#[must_use]
pub fn description<'a>(root: &'a Value, node: &'a Value) -> Option<&'a str> {
    node.get("description").and_then(Value::as_str).or_else(|| {
        resolve(root, node)
            .get("description")
            .and_then(Value::as_str)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(k: &str) -> Step {
        Step::Key(k.to_string())
    }

    #[test]
    fn a_key_in_a_nested_list_item_has_the_path_of_its_mapping() {
        let text = "regioplan: 1\nthemes:\n  - id: ggz\n    goals:\n    - id: g1\n      tr";
        let p = place(text, text.len());
        assert_eq!(
            p.container,
            vec![key("themes"), Step::Item, key("goals"), Step::Item]
        );
        assert_eq!(p.value_of, None);
    }

    #[test]
    fn after_a_colon_a_value_is_wanted() {
        let text = "themes:\n- id: ggz\n  trekker: n.";
        let p = place(text, text.len());
        assert_eq!(p.container, vec![key("themes"), Step::Item]);
        assert_eq!(p.value_of.as_deref(), Some("trekker"));
    }

    #[test]
    fn a_new_list_item_is_in_its_list_and_a_top_level_key_at_the_top() {
        let text = "people:\n  - id: a\n    name: A\n  - ";
        let p = place(text, text.len());
        assert_eq!(p.container, vec![key("people"), Step::Item]);
        let text = "regioplan: 1\nreg";
        assert_eq!(place(text, text.len()).container, vec![]);
        let text = "region:\n  name: X\n  org";
        assert_eq!(place(text, text.len()).container, vec![key("region")]);
    }

    #[test]
    fn the_schema_at_a_path_follows_references() {
        let schema = crate::plan::schema::plan_schema();
        let theme = schema_at(&schema, &[key("themes"), Step::Item]);
        let props = theme.and_then(|t| properties(&schema, t));
        assert!(props.is_some_and(|p| p.contains_key("trekker")));
        let strategic = schema_at(&schema, &[key("themes"), Step::Item, key("strategic")]);
        let values = strategic
            .map(|s| enum_values(&schema, s))
            .unwrap_or_default();
        assert!(values.iter().any(|(v, _)| *v == "regional"));
    }
}
