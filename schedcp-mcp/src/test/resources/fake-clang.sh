#!/bin/sh
# Plays clang for the MCP tests: a source that mentions BROKEN_C gets one error, as clang writes it; any
# other compiles into an "object" (a few bytes) at the -o path.
source=
object=
while [ $# -gt 0 ]; do
  case $1 in
    -o) object=$2; shift ;;
    *.c) source=$1 ;;
  esac
  shift
done
if grep -q BROKEN_C "$source"; then
  echo "$source:3:5: error: use of undeclared identifier 'BROKEN_C'"
  echo "    BROKEN_C;"
  echo "    ^"
  echo "1 error generated."
  exit 1
fi
printf '\177ELF fake object' > "$object"
