// Children by age: orderBy birthYear (every child has one, docs/model.md) reads this index in
// order and seeks from a cursor, instead of sorting all children on every page; filters on
// birthYear use it too.
CREATE INDEX child_birth_year IF NOT EXISTS FOR (n:Child) ON (n.birthYear);
