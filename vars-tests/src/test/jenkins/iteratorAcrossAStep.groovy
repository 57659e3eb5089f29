// Fixture of CpsSerializationCheckTest: an Iterator (not Serializable) held in a local across a step, which
// Jenkins cannot save when the build pauses there; and the same walk by index, which it can.
def byIterator(List items) {
    Iterator walk = items.iterator()
    while (walk.hasNext()) {
        echo "item ${walk.next()}"
    }
}

def byIndex(List items) {
    for (int i = 0; i < items.size(); i++) {
        echo "item ${items[i]}"
    }
}

return this
