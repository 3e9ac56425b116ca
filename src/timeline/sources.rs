//! Corroboration: which sources are independent of each other, and how many back a state.
//!
//! A source is counted by its *publisher key*: two sources with the same key are one voice. The
//! key is worked out from the source's text form alone, so it serves every way a ledger cites:
//! - a URL (`https://www.example.org/news/1`): its host, lower case, without `www.` and port;
//! - a dataset row (`acled@v1#123`): the dataset name before `@`;
//! - a free citation (`Reuters, 19 Dec 2023`): the publisher before the first comma (a citation
//!   without a comma, `Agence France-Presse`, counts as a whole, case and spacing folded);
//! - an article file (`001_976f2b0105d2231f.txt#4`): the file, whatever the sentence.

/// The key under which sources count once: the publisher, domain, dataset or article file.
///
/// ```
/// use controlmap::timeline::publisher_key;
/// assert_eq!(publisher_key("https://www.BBC.co.uk/news/1"), "bbc.co.uk");
/// assert_eq!(publisher_key("001_976f2b0105d2231f.txt#4"), "001_976f2b0105d2231f.txt");
/// assert_eq!(publisher_key("Reuters, 19 Dec 2023"), "reuters");
/// ```
pub fn publisher_key(source: &str) -> String {
    let text = source.trim();
    if let Some((_, rest)) = text.split_once("://") {
        return url_host(rest);
    }
    if let Some((dataset, _)) = text.split_once('@').filter(|_| !text.contains(char::is_whitespace)) {
        return fold(dataset);
    }
    if let Some((publisher, _)) = text.split_once(',') {
        return fold(publisher);
    }
    let cited = text.rsplit_once('#').map_or(text, |(cited, _)| cited);
    if cited.contains(char::is_whitespace) { fold(cited) } else { cited.to_string() }
}

/// [`publisher_key`] of a parsed source, without writing it out when it is an article cited
/// with a sentence (`FILE#N`: the key is the file, which holds no space, `@`, `,` or `/`).
pub fn source_publisher(source: &crate::model::SourceRef) -> std::borrow::Cow<'_, str> {
    if source.kind == crate::model::SourceKind::Article && source.sentence.is_some() {
        std::borrow::Cow::Borrowed(source.article.as_str())
    } else {
        std::borrow::Cow::Owned(publisher_key(&source.to_string()))
    }
}

/// The host of a URL (after its `scheme://`): no user, port, path, query or `www.`.
fn url_host(rest: &str) -> String {
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = authority.rsplit_once('@').map_or(authority, |(_, host)| host);
    let host = host.split(':').next().unwrap_or("").to_ascii_lowercase();
    host.strip_prefix("www.").map_or(host.clone(), str::to_string)
}

/// Case and spacing folded, so that "Reuters" and " reuters " are one publisher.
fn fold(name: &str) -> String {
    name.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

/// How many independent voices a list of sources (text forms) amounts to.
pub fn count_independent<'a>(sources: impl IntoIterator<Item = &'a str>) -> usize {
    let mut keys: Vec<String> = sources.into_iter().map(publisher_key).collect();
    keys.sort_unstable();
    keys.dedup();
    keys.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_count_by_host_without_www() {
        assert_eq!(publisher_key("https://www.reuters.com/world/a"), "reuters.com");
        assert_eq!(publisher_key("http://reuters.com:8080/b?x=1"), "reuters.com");
        assert_eq!(publisher_key("https://user@News.Example.org#top"), "news.example.org");
    }

    #[test]
    fn articles_count_by_file_whatever_the_sentence() {
        assert_eq!(publisher_key("001_x.txt#4"), publisher_key("001_x.txt#12"));
        assert_ne!(publisher_key("001_x.txt#4"), publisher_key("002_y.txt#4"));
        assert_eq!(publisher_key("003_z.txt"), "003_z.txt");
    }

    #[test]
    fn citations_and_datasets_count_by_publisher() {
        assert_eq!(publisher_key("Reuters, 19 Dec 2023"), publisher_key("reuters,  20 Dec 2023"));
        assert_eq!(publisher_key("acled@v1#17"), publisher_key("ACLED@v2#3"));
        assert_eq!(publisher_key("Agence  France-Presse"), "agence france-presse");
    }

    #[test]
    fn a_parsed_source_has_the_key_of_its_text() {
        for text in ["001_x.txt#4", "a#b.txt", "https://www.x.org/1", "AP, 1 May 2017", "acled@v1#17", "a.txt"] {
            let source: crate::model::SourceRef = text.parse().unwrap();
            assert_eq!(source_publisher(&source), publisher_key(text), "{text}");
        }
    }

    #[test]
    fn counts_distinct_publishers() {
        let sources = ["a.txt#1", "a.txt#3", "https://www.x.org/1", "http://x.org/2", "AP, 1 May 2017"];
        assert_eq!(count_independent(sources), 3);
        assert_eq!(count_independent([]), 0);
    }
}
