import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import Punctum.Common

// A group's survival curves (Kaplan-Meier): for redness and swelling, the share of sessions
// not yet settled (score above 1) by day after treatment, as steps; a dashed line at the day
// the norms expect each to have settled. Line style tells the two apart as well as colour.
Canvas {
    id: chart
    /// {curve: [{day, survival}], expectedDay} for each symptom (CohortModel).
    property var redness: ({ curve: [], expectedDay: -1 })
    property var swelling: ({ curve: [], expectedDay: -1 })
    property int lastDay: 14
    readonly property bool dark: Material.theme === Material.Dark
    readonly property color ink: dark ? "#e0e0e0" : "#37474f"
    readonly property color rednessColor: Theme.seriesColors[2]
    readonly property color swellingColor: Theme.seriesColors[1]
    readonly property real padLeft: Theme.base * 3.2
    readonly property real padBottom: Theme.base * 2.2
    readonly property real padTop: Theme.unit
    readonly property real padRight: Theme.unit * 2
    readonly property string axisLabel: qsTr("days after treatment")

    implicitHeight: Theme.base * 13
    Accessible.role: Accessible.Chart
    Accessible.name: qsTr("Share of sessions not yet settled by day after treatment: redness solid, swelling dashed")

    onRednessChanged: requestPaint()
    onSwellingChanged: requestPaint()
    onLastDayChanged: requestPaint()
    onWidthChanged: requestPaint()
    onDarkChanged: requestPaint()

    function xOf(day) { return padLeft + (width - padLeft - padRight) * day / Math.max(1, lastDay) }
    function yOf(share) { return padTop + (height - padTop - padBottom) * (1 - share) }

    function drawCurve(ctx, data, color, dashed) {
        const curve = data.curve || []
        if (curve.length === 0)
            return
        ctx.strokeStyle = color
        ctx.lineWidth = 2
        ctx.setLineDash(dashed ? [6, 4] : [])
        ctx.beginPath()
        ctx.moveTo(xOf(0), yOf(1))
        let last = 1
        for (let i = 0; i < curve.length; ++i) {
            ctx.lineTo(xOf(curve[i].day), yOf(last))
            ctx.lineTo(xOf(curve[i].day), yOf(curve[i].survival))
            last = curve[i].survival
        }
        ctx.lineTo(xOf(curve[curve.length - 1].day), yOf(last))
        ctx.stroke()
        if (data.expectedDay >= 0) {
            ctx.lineWidth = 1
            ctx.setLineDash([2, 3])
            ctx.beginPath()
            ctx.moveTo(xOf(data.expectedDay), yOf(1))
            ctx.lineTo(xOf(data.expectedDay), yOf(0))
            ctx.stroke()
        }
        ctx.setLineDash([])
    }

    onPaint: {
        const ctx = getContext("2d")
        ctx.reset()
        ctx.font = Theme.smallSize + "px sans-serif"
        ctx.fillStyle = ink
        ctx.strokeStyle = ink
        ctx.globalAlpha = 0.35
        ctx.lineWidth = 1
        for (const share of [0, 0.5, 1]) {
            ctx.beginPath()
            ctx.moveTo(padLeft, yOf(share))
            ctx.lineTo(width - padRight, yOf(share))
            ctx.stroke()
        }
        ctx.globalAlpha = 1
        ctx.textAlign = "right"
        ctx.textBaseline = "middle"
        for (const share of [0, 0.5, 1])
            ctx.fillText(Math.round(share * 100) + "%", padLeft - Theme.unit / 2, yOf(share))
        ctx.textAlign = "center"
        ctx.textBaseline = "top"
        const step = lastDay > 21 ? 7 : lastDay > 10 ? 2 : 1
        for (let d = 0; d <= lastDay; d += step)
            ctx.fillText(d, xOf(d), height - padBottom + Theme.unit / 2)
        ctx.textAlign = "right"
        ctx.fillText(axisLabel, width - padRight, height - padBottom / 2 + Theme.unit / 4)
        drawCurve(ctx, redness, rednessColor, false)
        drawCurve(ctx, swelling, swellingColor, true)
    }
}
