# A small inventory program: classes, dicts, exceptions, formatting together.
class OutOfStock(Exception):
    def __init__(self, item, wanted, have):
        super().__init__(f"{item}: wanted {wanted}, have {have}")
        self.item = item

class Inventory:
    def __init__(self):
        self.items = {}

    def add(self, name, qty, price):
        entry = self.items.setdefault(name, {"qty": 0, "price": price})
        entry["qty"] += qty
        entry["price"] = price

    def remove(self, name, qty):
        have = self.items.get(name, {"qty": 0})["qty"]
        if qty > have:
            raise OutOfStock(name, qty, have)
        self.items[name]["qty"] -= qty
        if self.items[name]["qty"] == 0:
            del self.items[name]

    def value(self):
        return sum(e["qty"] * e["price"] for e in self.items.values())

    def report(self):
        lines = [f"{'item':<8}{'qty':>5}{'price':>9}"]
        for name, e in sorted(self.items.items()):
            lines.append(f"{name:<8}{e['qty']:>5}{e['price']:>9.2f}")
        lines.append(f"{'total':<8}{'':>5}{self.value():>9.2f}")
        return "\n".join(lines)

inv = Inventory()
inv.add("apple", 10, 0.5)
inv.add("pear", 4, 0.75)
inv.add("fig", 2, 1.2)
inv.add("apple", 5, 0.45)
print(inv.report())
for name, qty in [("apple", 3), ("fig", 2), ("pear", 9), ("kiwi", 1)]:
    try:
        inv.remove(name, qty)
        print("removed", qty, name)
    except OutOfStock as e:
        print("cannot:", e, "| item =", e.item)
print(inv.report())
print(inv.items)
