import QtQuick
import QtTest
import Punctum.Recovery

// ScorePicker: a choice sets the score, choosing it again clears it ("not reported", never
// 0), the keyboard moves within the scale, and a yes/no sign is a switch.
Item {
    width: 900
    height: 400

    readonly property var redness: ({ key: "erythema", name: "Redness", max: 4, yesNo: false, scale: "CEA",
        choices: [{ value: 0, words: "0 - clear" }, { value: 1, words: "1 - almost clear, slight redness" },
                  { value: 2, words: "2 - mild, definite redness" }, { value: 3, words: "3 - moderate, marked redness" },
                  { value: 4, words: "4 - severe, fiery redness" }] })
    readonly property var pus: ({ key: "pus", name: "Pus", max: 1, yesNo: true, scale: "",
        choices: [{ value: 0, words: "no" }, { value: 1, words: "yes" }] })

    ScorePicker { id: picker; width: 880; scale: parent.redness }
    ScorePicker { id: sign; y: 200; width: 300; scale: parent.pus; value: 0 }
    SignalSpy { id: edited; target: picker; signalName: "edited" }

    TestCase {
        name: "ScorePicker"
        when: windowShown

        function button(words) {
            for (let i = 0; i < picker.children.length; ++i) {
                const row = picker.children[i]
                for (let j = 0; j < row.children.length; ++j)
                    if (row.children[j].text === words)
                        return row.children[j]
            }
            return null
        }

        function init() {
            picker.value = -1
            edited.clear()
        }

        function test_startsNotReported() {
            compare(picker.value, -1)
            verify(!picker.reported)
            compare(picker.valueWords, "")
        }

        function test_clickChoosesAndClickAgainClears() {
            const b = button("2 - mild, definite redness")
            verify(b !== null)
            mouseClick(b)
            compare(picker.value, 2)
            compare(picker.valueWords, "2 - mild, definite redness")
            compare(edited.count, 1)
            mouseClick(b)
            compare(picker.value, -1)
            compare(edited.count, 2)
        }

        function test_keyboardMovesWithinTheScale() {
            picker.children[1].forceActiveFocus()
            keyClick(Qt.Key_Space)
            compare(picker.value, 0)
            keyClick(Qt.Key_Right)
            keyClick(Qt.Key_Right)
            compare(picker.value, 2)
            for (let i = 0; i < 6; ++i)
                keyClick(Qt.Key_Right)
            compare(picker.value, 4) // never beyond the maximum
            keyClick(Qt.Key_Left)
            compare(picker.value, 3)
            keyClick(Qt.Key_Delete)
            compare(picker.value, -1)
        }

        function test_yesNoIsASwitch() {
            compare(sign.value, 0)
            verify(sign.reported)
            const sw = sign.children[sign.children.length - 1]
            compare(sw.text, "Pus")
            mouseClick(sw)
            compare(sign.value, 1)
            mouseClick(sw)
            compare(sign.value, 0)
        }
    }
}
