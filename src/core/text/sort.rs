//! One sort for the whole program. Each call of a standard sort with its own key or closure
//! is a new copy of the sort in the wasm; these functions sort `(key, index)` pairs instead,
//! with one copy, and then move the items into place. The order is stable: equal keys keep
//! their order, as `sort_by_key` does.

/// Sorts `items` stably by `key`, ascending.
pub fn sort_by_key<T>(items: &mut Vec<T>, key: impl Fn(&T) -> u128) {
    let mut keyed: Vec<(u128, usize)> = items
        .iter()
        .enumerate()
        .map(|(i, item)| (key(item), i))
        .collect();
    // Unique pairs (the index breaks ties): unstable is stable here, and smaller.
    sort_pairs(&mut keyed);
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(
        keyed
            .iter()
            .filter_map(|&(_, i)| slots.get_mut(i).and_then(Option::take)),
    );
}

#[inline(never)]
fn sort_pairs(pairs: &mut [(u128, usize)]) {
    pairs.sort_unstable();
}

/// Two keys in one: `high` first, then `low`.
pub fn pair(high: u64, low: u64) -> u128 {
    (u128::from(high) << 64) | u128::from(low)
}

/// An `f64` as a key ordered as [`f64::total_cmp`] orders it.
pub fn float(value: f64) -> u64 {
    let bits = value.to_bits();
    // Negative numbers: all bits flipped; positive: the sign bit set.
    if bits >> 63 == 1 {
        !bits
    } else {
        bits | (1 << 63)
    }
}

/// An `f64` as a key in descending order.
pub fn float_descending(value: f64) -> u64 {
    !float(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_stably_by_key() {
        let mut items = vec![(3, 'a'), (1, 'b'), (3, 'c'), (0, 'd'), (1, 'e')];
        sort_by_key(&mut items, |&(k, _)| k as u128);
        assert_eq!(items, [(0, 'd'), (1, 'b'), (1, 'e'), (3, 'a'), (3, 'c')]);
    }

    #[test]
    fn float_keys_order_as_total_cmp() {
        let values = [
            3.5,
            -0.0,
            0.0,
            -7.25,
            f64::INFINITY,
            f64::NEG_INFINITY,
            1e-300,
            -1e300,
        ];
        let mut by_key = values.to_vec();
        sort_by_key(&mut by_key, |&v| float(v) as u128);
        let mut expected = values.to_vec();
        expected.sort_by(f64::total_cmp);
        assert_eq!(by_key, expected);
        let mut descending = values.to_vec();
        sort_by_key(&mut descending, |&v| float_descending(v) as u128);
        expected.reverse();
        assert_eq!(descending, expected);
    }

    #[test]
    fn pairs_order_by_high_then_low() {
        let mut items = vec![(2u64, 1u64), (1, 9), (2, 0), (1, 3)];
        sort_by_key(&mut items, |&(h, l)| pair(h, l));
        assert_eq!(items, [(1, 3), (1, 9), (2, 0), (2, 1)]);
    }
}
