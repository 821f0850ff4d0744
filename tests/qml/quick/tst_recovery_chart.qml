import QtQuick
import QtTest
import Punctum.Recovery

// RecoveryChart: points sit where their day and score say, the nearest point is found
// under the pointer, the legend's toggle hides a symptom, and the keyboard walks the
// entries in day order.
Item {
    width: 800
    height: 400

    RecoveryChart {
        id: chart
        width: 760
        height: 320
        days: 15
        series: [
            { key: "erythema", name: "Redness", max: 4, envelope: [1, 1, 0.75, 0.5, 0.25, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
              resolveBy: 5, courseText: "", logged: true,
              points: [{ day: 0, score: 3, fraction: 0.75, words: "Redness: 3", observedOn: "Mon", note: "", entryId: 1 },
                       { day: 2, score: 2, fraction: 0.5, words: "Redness: 2", observedOn: "Wed", note: "", entryId: 2 }] },
            { key: "pain", name: "Pain", max: 10, envelope: [], resolveBy: -1, courseText: "", logged: true,
              points: [{ day: 1, score: 5, fraction: 0.5, words: "Pain: 5", observedOn: "Tue", note: "sore", entryId: 3 }] }
        ]
        flags: [{ day: 2, severity: "watch", severityWord: "Watch", symptom: "Redness", message: "m" }]
    }

    TestCase {
        name: "RecoveryChart"
        when: windowShown

        function init() {
            chart.hidden = ({})
            chart.current = null
        }

        function test_axes() {
            compare(chart.xOf(0), chart.padLeft)
            compare(chart.xOf(14), chart.padLeft + chart.plotWidth)
            compare(chart.yOf(0), chart.padTop + chart.plotHeight)
            compare(chart.yOf(1), chart.padTop)
        }

        function test_pointAtFindsTheNearestVisiblePoint() {
            const hit = chart.pointAt(chart.xOf(1) + 2, chart.yOf(0.5) - 2, 10)
            verify(hit !== null)
            compare(hit.seriesIndex, 1)
            compare(chart.pointAt(chart.xOf(10), chart.yOf(0.9), 10), null)
            chart.hidden = { pain: true }
            compare(chart.pointAt(chart.xOf(1), chart.yOf(0.5), 10), null)
        }

        function test_hoverShowsTheEntry() {
            mouseMove(chart, 1, 1)
            mouseMove(chart, chart.xOf(2), chart.yOf(0.5))
            tryVerify(() => chart.currentPoint !== null)
            compare(chart.currentPoint.words, "Redness: 2")
        }

        function test_flagMarkerNamesItsFlag() {
            compare(chart.flagsAt(chart.xOf(2), chart.padTop - 2).length, 1)
            compare(chart.flagsAt(chart.xOf(5), chart.padTop - 2).length, 0)
            compare(chart.flagsAt(chart.xOf(2), chart.yOf(0.5)).length, 0) // only at the marker
        }

        function test_keyboardWalksEntriesInDayOrder() {
            chart.forceActiveFocus()
            keyClick(Qt.Key_Right)
            compare(chart.currentPoint.day, 0)
            keyClick(Qt.Key_Right)
            compare(chart.currentPoint.words, "Pain: 5")
            keyClick(Qt.Key_Right)
            compare(chart.currentPoint.day, 2)
            keyClick(Qt.Key_Right)
            compare(chart.currentPoint.day, 2) // stays on the last
            verify(chart.Accessible.name.indexOf("Redness: 2") >= 0)
        }
    }
}
