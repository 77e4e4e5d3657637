//! Amounts: "700 million", "1,000,000", "1.5B", "seven hundred million", "3亿", "一百万".

/// Parses "700" + "million", "1,000,000", "1.5" + "b".
pub(super) fn amount(number: &str, scale: Option<&str>) -> Option<u64> {
    let value = if number.starts_with(|c: char| c.is_ascii_alphabetic()) {
        words_value(number)? as f64
    } else {
        let digits: String = number.chars().filter(|c| *c != ',').collect();
        digits.trim_end_matches('.').parse().ok()?
    };
    let factor = match scale.map(str::to_ascii_lowercase).as_deref() {
        None => 1.0,
        Some("thousand" | "k") => 1e3,
        Some("million" | "m" | "mm") => 1e6,
        Some("billion" | "b" | "bn") => 1e9,
        Some(_) => return None,
    };
    let total = value * factor;
    (0.0..1e19).contains(&total).then(|| total.round() as u64)
}

/// The value of a number written in words below a thousand: "seven hundred" is 700, "twenty-five"
/// is 25, "one hundred and ten" is 110.
pub(super) fn words_value(words: &str) -> Option<u64> {
    let mut total: u64 = 0;
    for word in words
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !w.is_empty())
    {
        let word = word.to_ascii_lowercase();
        let units = match word.as_str() {
            "and" => continue,
            "hundred" => {
                total = total.max(1) * 100;
                continue;
            }
            "zero" => 0,
            "one" => 1,
            "two" => 2,
            "three" => 3,
            "four" => 4,
            "five" => 5,
            "six" => 6,
            "seven" => 7,
            "eight" => 8,
            "nine" => 9,
            "ten" => 10,
            "eleven" => 11,
            "twelve" => 12,
            "thirteen" => 13,
            "fourteen" => 14,
            "fifteen" => 15,
            "sixteen" => 16,
            "seventeen" => 17,
            "eighteen" => 18,
            "nineteen" => 19,
            "twenty" => 20,
            "thirty" => 30,
            "forty" => 40,
            "fifty" => 50,
            "sixty" => 60,
            "seventy" => 70,
            "eighty" => 80,
            "ninety" => 90,
            _ => return None,
        };
        total += units;
    }
    Some(total)
}

/// Parses "3" + "亿", "100" + "万", "一" + "百万", "1,000,000".
pub(super) fn amount_zh(number: &str, scale: Option<&str>) -> Option<u64> {
    let value = if number.starts_with(|c: char| c.is_ascii_digit()) {
        let digits: String = number.chars().filter(|c| *c != ',').collect();
        digits.parse::<f64>().ok()?
    } else {
        numerals_zh(number)? as f64
    };
    let factor = match scale {
        None => 1.0,
        Some("千") => 1e3,
        Some("万") => 1e4,
        Some("十万") => 1e5,
        Some("百万") => 1e6,
        Some("千万") => 1e7,
        Some("亿") => 1e8,
        Some(_) => return None,
    };
    let total = value * factor;
    (0.0..1e19).contains(&total).then(|| total.round() as u64)
}

/// The value of Chinese numerals below ten thousand: "三" is 3, "一百" 100, "十五" 15.
pub(super) fn numerals_zh(numerals: &str) -> Option<u64> {
    let mut total = 0;
    let mut digit = 0;
    for c in numerals.chars() {
        let unit = match c {
            '十' => 10,
            '百' => 100,
            '千' => 1000,
            _ => {
                digit = "零一二三四五六七八九"
                    .chars()
                    .position(|d| d == c)
                    .or(match c {
                        '两' => Some(2),
                        _ => None,
                    })? as u64;
                continue;
            }
        };
        total += digit.max(1) * unit;
        digit = 0;
    }
    Some(total + digit)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_parse() {
        assert_eq!(amount("700", Some("million")), Some(700_000_000));
        assert_eq!(amount("1,000,000", None), Some(1_000_000));
        assert_eq!(amount("1.5", Some("B")), Some(1_500_000_000));
        assert_eq!(amount("20", Some("M")), Some(20_000_000));
        assert_eq!(amount("seven hundred", Some("million")), Some(700_000_000));
        assert_eq!(amount("one", Some("million")), Some(1_000_000));
        assert_eq!(amount("twenty-five", Some("thousand")), Some(25_000));
        assert_eq!(amount("one hundred and ten", None), Some(110));
        assert_eq!(amount_zh("3", Some("亿")), Some(300_000_000));
        assert_eq!(amount_zh("100", Some("万")), Some(1_000_000));
        assert_eq!(amount_zh("一", Some("百万")), Some(1_000_000));
        assert_eq!(amount_zh("十五", None), Some(15));
        assert_eq!(amount_zh("三千", Some("万")), Some(30_000_000));
    }
}
