#!/bin/sh
# The mutation table still applies to the tree: each mutation's text occurs
# exactly once in its file (tests/mutate --check). The mutations themselves
# run with `make mutate`, which takes minutes, not in make check.
# Under make mutate the tree is mutated on purpose: nothing to check then.
[ -n "${TENKEN_MUTATING:-}" ] && exit 77
exec python3 "${srcdir:-.}/tests/mutate" --check
