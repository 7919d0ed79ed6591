#!/usr/bin/env bash
# The old name of bench/check-docs.sh, kept so that existing instructions still work: it runs the examples of
# README.md and of docs/*.md (or of $README, when set) against a running dualdb. See bench/check-docs.sh.
exec "$(dirname "$0")/check-docs.sh" ${README:+"$README"} "$@"
