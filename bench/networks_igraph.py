"""The same link-analysis work as bench/networks.ts, in python-igraph (Debian's python3-igraph).

Reads the edge list the TypeScript benchmark wrote (one "a b weight" line per edge, integer node ids)
and the shortest-path queries ("a b" per line); prints one JSON object of timings and peak memory.
Usage: /usr/bin/python3 bench/networks_igraph.py NODES EDGES.tsv QUERIES.tsv
"""
import json
import resource
import sys
import time

import igraph


def main():
    nodes = int(sys.argv[1])
    t0 = time.perf_counter()
    edges = []
    weights = []
    with open(sys.argv[2]) as f:
        for line in f:
            a, b, w = line.split()
            edges.append((int(a), int(b)))
            weights.append(int(w))
    queries = []
    with open(sys.argv[3]) as f:
        for line in f:
            a, b = line.split()
            queries.append((int(a), int(b)))
    read_s = time.perf_counter() - t0

    t, c = time.perf_counter(), time.process_time()
    g = igraph.Graph(n=nodes, edges=edges, directed=False)
    g.es["weight"] = weights
    build_s, build_cpu = time.perf_counter() - t, time.process_time() - c

    t, c = time.perf_counter(), time.process_time()
    components = g.connected_components()
    components_s, components_cpu = time.perf_counter() - t, time.process_time() - c

    t, c = time.perf_counter(), time.process_time()
    communities = g.community_multilevel(weights="weight")
    communities_s, communities_cpu = time.perf_counter() - t, time.process_time() - c

    t, c = time.perf_counter(), time.process_time()
    lengths = []
    for a, b in queries:
        path = g.get_shortest_paths(a, to=b, output="vpath")[0]
        lengths.append(len(path) - 1 if path else -1)
    paths_s, paths_cpu = time.perf_counter() - t, time.process_time() - c

    print(json.dumps({
        "read_s": read_s,
        "build_s": build_s,
        "build_cpu": build_cpu,
        "components_cpu": components_cpu,
        "communities_cpu": communities_cpu,
        "paths_cpu": paths_cpu,
        "components_s": components_s,
        "components": len(components),
        "communities_s": communities_s,
        "communities": len(communities),
        "modularity": communities.modularity,
        "paths_s": paths_s,
        "path_lengths": lengths,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }))


if __name__ == "__main__":
    main()
