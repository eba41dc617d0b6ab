#!/bin/sh
# Writes a deployment file with N apps to standard output, for scale measurements:
#   bench/generate-deployment.sh 10000 > /tmp/apps-10000.yaml
# One app in ten has a fixed connection_limit, one in five a weight (so the weighted split and
# its leftover pass run), one in seven autoscales; max_connections is PostgreSQL's largest so
# every instance still gets a connection.
set -eu
n=${1:?usage: generate-deployment.sh APPS}
awk -v n="$n" 'BEGIN {
  print "version: 1"
  print "database:"
  print "  name: scale_db"
  print "  max_connections: 262143"
  print "  reserve: \"15%\""
  print "  url: postgresql://app@db.internal:5432/scale_db"
  print "apps:"
  for (i = 1; i <= n; i++) {
    printf "  - name: app-%05d\n", i
    if (i % 7 == 0) {
      printf "    replicas: {min: 1, max: %d}\n", 2 + i % 4
    } else {
      printf "    replicas: %d\n", 1 + i % 3
    }
    if (i % 3 == 0) print "    processes: 2"
    if (i % 10 == 0) {
      print "    connection_limit: 2"
    } else if (i % 5 == 0) {
      print "    weight: 1.5"
    }
  }
}'
