import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import Punctum.Common
import "ChartPainter.js" as ChartPainter

// The recovery chart (UI.md): x = days since treatment, each symptom's expected envelope as
// a soft band, its logged scores as a line with points, flags as markers on their day, and
// photo redness (delta a*) as diamonds on a right-hand axis (filled: calibrated).
// Scores are drawn as a share of each scale's maximum so scales share one axis; the words
// of a point come from C++ (RecoveryChartData). Hover a point, or focus the chart and use
// Left/Right, to see its entry.
Item {
    id: chart
    property var series: []
    property var flags: []
    property int days: 15
    property var hidden: ({})
    // [{day, deltaAStar, calibrated, words}] and the right-hand axis's range (from C++).
    property var photoPoints: []
    property real photoMin: 0
    property real photoMax: 10
    readonly property bool photoVisible: photoPoints.length > 0 && !hidden["photo"]
    readonly property string photoAxisLabel: qsTr("Photo redness (delta a*)")
    // Theme's severity colours, handed to the painter (a .pragma library sees no Theme).
    readonly property var severityColors: ({ urgent: Theme.urgent, watch: Theme.watch, info: Theme.info })
    readonly property color photoColor: dark ? "#eeeeee" : "#263238"
    // The entry shown: {seriesIndex, pointIndex} or null.
    property var current: null
    readonly property var currentPoint: current ? series[current.seriesIndex].points[current.pointIndex] : null
    readonly property bool dark: Material.theme === Material.Dark
    readonly property real fontSize: Theme.smallSize
    readonly property real padLeft: Theme.base * 4
    readonly property real padRight: photoPoints.length > 0 ? Theme.base * 4.5 : Theme.unit * 2
    readonly property real padTop: Theme.unit * 3
    readonly property real padBottom: Theme.base * 2.5
    readonly property real plotWidth: width - padLeft - padRight
    readonly property real plotHeight: height - padTop - padBottom
    readonly property string noneLabel: qsTr("none")
    readonly property string halfLabel: qsTr("half")
    readonly property string maxLabel: qsTr("worst")

    activeFocusOnTab: true
    implicitHeight: Theme.base * 20
    Accessible.role: Accessible.Chart
    Accessible.name: currentPoint ? qsTr("Recovery chart. Day %1, %2: %3").arg(currentPoint.day).arg(currentPoint.observedOn).arg(currentPoint.words)
                                  : qsTr("Recovery chart. Use the left and right arrow keys to go through the entries.")

    function xOf(day) { return padLeft + plotWidth * day / Math.max(1, days - 1) }
    function yOf(fraction) { return padTop + plotHeight * (1 - fraction) }
    function yOfPhoto(value) { return yOf((value - photoMin) / Math.max(1e-6, photoMax - photoMin)) }
    function colorOf(i) { return Theme.seriesColors[i % Theme.seriesColors.length] }
    function isShown(i) { return !hidden[series[i].key] }

    // Every visible point in day order, for the keyboard.
    function visiblePoints() {
        const out = []
        for (let s = 0; s < series.length; ++s) {
            if (!isShown(s))
                continue
            for (let p = 0; p < series[s].points.length; ++p)
                out.push({ seriesIndex: s, pointIndex: p, day: series[s].points[p].day })
        }
        out.sort((a, b) => a.day - b.day || a.seriesIndex - b.seriesIndex)
        return out
    }
    // The visible point nearest (x, y) within `radius` pixels, or null.
    function pointAt(x, y, radius) {
        let best = null
        let bestDistance = radius * radius
        for (let s = 0; s < series.length; ++s) {
            if (!isShown(s))
                continue
            const pts = series[s].points
            for (let p = 0; p < pts.length; ++p) {
                const dx = xOf(pts[p].day) - x
                const dy = yOf(pts[p].fraction) - y
                if (dx * dx + dy * dy <= bestDistance) {
                    bestDistance = dx * dx + dy * dy
                    best = { seriesIndex: s, pointIndex: p }
                }
            }
        }
        return best
    }
    // The flags on the day whose marker is at (x, y), or [].
    function flagsAt(x, y) {
        if (y > padTop + Theme.unit)
            return []
        return flags.filter(f => f.day < days && Math.abs(xOf(f.day) - x) <= Theme.unit)
    }
    property var hoveredFlags: []

    function step(direction) {
        const pts = visiblePoints()
        if (pts.length === 0)
            return
        let i = -1
        if (current)
            i = pts.findIndex(p => p.seriesIndex === current.seriesIndex && p.pointIndex === current.pointIndex)
        i = i < 0 ? (direction > 0 ? 0 : pts.length - 1) : Math.max(0, Math.min(pts.length - 1, i + direction))
        current = { seriesIndex: pts[i].seriesIndex, pointIndex: pts[i].pointIndex }
    }

    onSeriesChanged: { current = null; canvas.requestPaint() }
    onHiddenChanged: { current = null; canvas.requestPaint() }
    onFlagsChanged: canvas.requestPaint()
    onPhotoPointsChanged: canvas.requestPaint()
    onCurrentChanged: canvas.requestPaint()
    onDarkChanged: canvas.requestPaint()
    Keys.onLeftPressed: step(-1)
    Keys.onRightPressed: step(1)

    Canvas {
        id: canvas
        anchors.fill: parent
        renderTarget: Canvas.Image
        onWidthChanged: requestPaint()
        onHeightChanged: requestPaint()
        onPaint: ChartPainter.paint(getContext("2d"), chart)
    }

    Rectangle {
        // Visible focus.
        anchors.fill: parent
        color: "transparent"
        border.width: 2
        border.color: chart.Material.accent
        visible: chart.activeFocus
        radius: 4
    }

    MouseArea {
        anchors.fill: parent
        hoverEnabled: true
        onPositionChanged: (mouse) => {
            chart.hoveredFlags = chart.flagsAt(mouse.x, mouse.y)
            const hit = chart.pointAt(mouse.x, mouse.y, Theme.unit * 1.5)
            if (hit)
                chart.current = hit
        }
        onClicked: chart.forceActiveFocus()
        onExited: chart.hoveredFlags = []
    }

    ToolTip {
        // A flag marker: what was flagged on that day.
        visible: chart.hoveredFlags.length > 0
        x: chart.hoveredFlags.length > 0 ? Math.min(chart.width - width, chart.xOf(chart.hoveredFlags[0].day)) : 0
        y: chart.padTop + Theme.unit
        text: chart.hoveredFlags.map(f => qsTr("Day %1, %2: %3").arg(f.day).arg(f.severityWord).arg(f.message)).join("\n")
    }
    ToolTip {
        visible: chart.currentPoint !== null && chart.hoveredFlags.length === 0
        x: chart.currentPoint ? Math.min(chart.width - width, chart.xOf(chart.currentPoint.day) + Theme.unit) : 0
        y: chart.currentPoint ? Math.max(0, chart.yOf(chart.currentPoint.fraction) - height - Theme.unit) : 0
        text: chart.currentPoint
              ? qsTr("Day %1, %2\n%3").arg(chart.currentPoint.day).arg(chart.currentPoint.observedOn).arg(chart.currentPoint.words)
                + (chart.currentPoint.note.length > 0 ? "\n\u201c" + chart.currentPoint.note + "\u201d" : "")
              : ""
    }
}
