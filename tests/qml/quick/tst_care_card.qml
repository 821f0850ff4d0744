import QtQuick
import QtTest
import Punctum.Common

// CareCard: every severity has its word and icon, never colour alone; "Why?" opens the
// norm's source and profile, and is absent when there is no source.
Item {
    width: 700
    height: 400

    CareCard {
        id: card
        width: 680
        band: "watch"
        word: "Watch"
        title: "Redness lasting beyond day 5"
        normSource: "Dr.Pen depth guide (evidence C)"
        normProfile: "punctum-default 2026.1"
    }
    CareCard { id: ok; y: 250; width: 680; band: "ok"; word: "This is within the usual course" }

    TestCase {
        name: "CareCard"
        when: windowShown

        function labelWithText(item, part) {
            if (item.text !== undefined && String(item.text).indexOf(part) >= 0 && item.visible)
                return item
            for (let i = 0; i < item.children.length; ++i) {
                const found = labelWithText(item.children[i], part)
                if (found)
                    return found
            }
            return null
        }

        function test_wordAndIconNotColourAlone() {
            verify(labelWithText(card, "\u26a0  Watch") !== null)
            verify(labelWithText(ok, "\u2713  This is within the usual course") !== null)
            compare(String(Theme.bandText("watch")), String(Theme.watchText))
        }

        function test_whyShowsTheSource() {
            compare(labelWithText(card, "Source:"), null)
            const why = labelWithText(card, "Why?")
            verify(why !== null)
            mouseClick(why)
            verify(labelWithText(card, "Dr.Pen depth guide") !== null)
            verify(labelWithText(card, "punctum-default 2026.1") !== null)
            mouseClick(labelWithText(card, "Hide why"))
            compare(labelWithText(card, "Source:"), null)
        }

        function test_noWhyWithoutASource() {
            compare(labelWithText(ok, "Why?"), null)
        }
    }
}
