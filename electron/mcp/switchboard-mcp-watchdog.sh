#!/bin/sh
# The orphan watchdog, a process of its own (see orphanWatchdog.ts). Switchboard
# writes "+<pgid>" when it starts an MCP server's process group and "-<pgid>" once
# that group is gone. When the pipe ends (Switchboard quit, crashed or was killed)
# it ends every group still running the way a stop does (stdin is already closed:
# wait, SIGTERM, wait, SIGKILL) and exits. Idle, it is a blocked read.
# POSIX sh, not Node: the packaged app runs with Electron's RunAsNode fuse off.
#
# usage: switchboard-mcp-watchdog.sh STDIN_GRACE_TENTHS TERM_GRACE_TENTHS
stdin_grace=${1:-10}
term_grace=${2:-15}
groups=""

while IFS= read -r line; do
  pgid=${line#?}
  # only whole numbers above 1: "kill -TERM -1" would signal every process we may signal
  case $pgid in '' | *[!0-9]*) continue ;; esac
  [ "$pgid" -gt 1 ] || continue
  case $line in
    +*) groups="$groups $pgid" ;;
    -*)
      kept=""
      for g in $groups; do [ "$g" = "$pgid" ] || kept="$kept $g"; done
      groups=$kept
      ;;
  esac
done

# Keeps only the groups that still have a process; true while any is left.
running() {
  alive=""
  for g in $groups; do kill -0 "-$g" 2>/dev/null && alive="$alive $g"; done
  groups=$alive
  [ -n "$groups" ]
}

# Waits up to $1 tenths of a second for every group to be gone; true if they are.
# The grace is kept by a clock, a background sleep for the whole period, not by
# counting turns of "sleep 0.1": on a loaded laptop each turn's fork and sleep run
# long, and counted turns would stretch 2.5 s of grace well past it.
all_gone_within() {
  sleep "$(($1 / 10)).$(($1 % 10))" &
  deadline=$!
  while kill -0 "$deadline" 2>/dev/null; do
    if ! running; then
      kill "$deadline" 2>/dev/null
      wait "$deadline" 2>/dev/null
      return 0
    fi
    sleep 0.1
  done
  wait "$deadline" 2>/dev/null
  ! running
}

all_gone_within "$stdin_grace" && exit 0
for g in $groups; do kill -TERM "-$g" 2>/dev/null; done
all_gone_within "$term_grace" && exit 0
for g in $groups; do kill -KILL "-$g" 2>/dev/null; done
exit 0
