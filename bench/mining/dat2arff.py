#!/usr/bin/env python3
"""FIMI .dat -> sparse ARFF (one {0,1} attribute per item) for Weka: dat2arff.py in.dat out.arff"""
import sys

def main(source, target):
    baskets, items = [], set()
    with open(source) as lines:
        for line in lines:
            basket = sorted({int(token) for token in line.split()})
            baskets.append(basket)
            items.update(basket)
    index = {item: i for i, item in enumerate(sorted(items))}
    with open(target, "w") as out:
        out.write("@relation baskets\n\n")
        for item in sorted(items):
            out.write(f"@attribute i{item} {{0,1}}\n")
        out.write("\n@data\n")
        for basket in baskets:
            out.write("{" + ",".join(f"{index[item]} 1" for item in basket) + "}\n")

if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
