// Draws RecoveryChart on a 2D context: axes, envelopes, lines with points, flag markers.
// Geometry only; the figures come from C++ (RecoveryChartData).
.pragma library

// The chart passes Theme's colours in: {urgent, watch, info}.
function severityColor(colors, severity) {
    return severity === "urgent" ? colors.urgent : severity === "watch" ? colors.watch : colors.info
}

// A diamond marker; filled for a calibrated photo, hollow for an uncalibrated one.
function diamond(ctx, x, y, r, filled) {
    ctx.beginPath()
    ctx.moveTo(x, y - r)
    ctx.lineTo(x + r, y)
    ctx.lineTo(x, y + r)
    ctx.lineTo(x - r, y)
    ctx.closePath()
    if (filled)
        ctx.fill()
    ctx.stroke()
}

// Photo redness: its own axis on the right (delta a* units), a thin line through the days
// and a diamond per day.
function paintPhoto(ctx, chart, ink) {
    if (!chart.photoVisible)
        return
    const right = chart.padLeft + chart.plotWidth
    const font = chart.fontSize
    ctx.strokeStyle = ink
    ctx.fillStyle = ink
    ctx.lineWidth = 1
    ctx.beginPath()
    ctx.moveTo(right, chart.padTop)
    ctx.lineTo(right, chart.padTop + chart.plotHeight)
    ctx.stroke()
    ctx.textAlign = "left"
    ctx.textBaseline = "middle"
    const mid = (chart.photoMin + chart.photoMax) / 2
    const ticks = [chart.photoMin, mid, chart.photoMax]
    for (let i = 0; i < ticks.length; ++i) {
        const y = chart.yOfPhoto(ticks[i])
        ctx.beginPath()
        ctx.moveTo(right, y)
        ctx.lineTo(right + 4, y)
        ctx.stroke()
        ctx.fillText(String(Math.round(ticks[i] * 10) / 10), right + 6, y)
    }
    // The axis title, turned to run up the right edge.
    ctx.save()
    ctx.translate(chart.width - font * 0.6, chart.padTop + chart.plotHeight / 2)
    ctx.rotate(-Math.PI / 2)
    ctx.textAlign = "center"
    ctx.fillText(chart.photoAxisLabel, 0, 0)
    ctx.restore()

    const pts = chart.photoPoints
    ctx.strokeStyle = chart.photoColor
    ctx.fillStyle = chart.photoColor
    ctx.setLineDash([2, 3])
    ctx.beginPath()
    for (let p = 0; p < pts.length; ++p) {
        const x = chart.xOf(pts[p].day), y = chart.yOfPhoto(pts[p].deltaAStar)
        if (p === 0)
            ctx.moveTo(x, y)
        else
            ctx.lineTo(x, y)
    }
    ctx.stroke()
    ctx.setLineDash([])
    ctx.lineWidth = 2
    for (let p = 0; p < pts.length; ++p)
        diamond(ctx, chart.xOf(pts[p].day), chart.yOfPhoto(pts[p].deltaAStar), 6, pts[p].calibrated)
    ctx.lineWidth = 1
}

function paint(ctx, chart) {
    const w = chart.width, h = chart.height
    ctx.reset()
    ctx.clearRect(0, 0, w, h)
    if (chart.plotWidth <= 0 || chart.plotHeight <= 0)
        return
    const ink = chart.dark ? "rgba(255,255,255,0.87)" : "rgba(0,0,0,0.80)"
    const grid = chart.dark ? "rgba(255,255,255,0.14)" : "rgba(0,0,0,0.10)"
    const font = chart.fontSize
    ctx.font = font + "px sans-serif"
    ctx.lineWidth = 1

    // Grid and axes: days along the bottom, "none" to "scale maximum" up the side.
    ctx.strokeStyle = grid
    ctx.fillStyle = ink
    ctx.textAlign = "center"
    ctx.textBaseline = "top"
    for (let d = 0; d < chart.days; ++d) {
        const x = chart.xOf(d)
        ctx.beginPath()
        ctx.moveTo(x, chart.padTop)
        ctx.lineTo(x, chart.padTop + chart.plotHeight)
        ctx.stroke()
        if (d % 2 === 0 || chart.plotWidth > 700)
            ctx.fillText(String(d), x, chart.padTop + chart.plotHeight + 4)
    }
    ctx.textAlign = "right"
    ctx.textBaseline = "middle"
    const levels = [[0, chart.noneLabel], [0.5, chart.halfLabel], [1, chart.maxLabel]]
    for (let i = 0; i < levels.length; ++i) {
        const y = chart.yOf(levels[i][0])
        ctx.beginPath()
        ctx.moveTo(chart.padLeft, y)
        ctx.lineTo(chart.padLeft + chart.plotWidth, y)
        ctx.stroke()
        ctx.fillText(levels[i][1], chart.padLeft - 6, y)
    }

    // Expected envelopes: soft bands.
    let anyLogged = false
    for (let s = 0; s < chart.series.length; ++s)
        anyLogged = anyLogged || chart.series[s].logged
    for (let s = 0; s < chart.series.length; ++s) {
        const env = chart.series[s].envelope
        // Only symptoms that were logged get a band, so the bands stay readable.
        if (!chart.isShown(s) || env.length === 0 || (anyLogged && !chart.series[s].logged))
            continue
        ctx.globalAlpha = chart.dark ? 0.2 : 0.10
        ctx.fillStyle = chart.colorOf(s)
        ctx.beginPath()
        ctx.moveTo(chart.xOf(0), chart.yOf(0))
        for (let d = 0; d < env.length && d < chart.days; ++d)
            ctx.lineTo(chart.xOf(d), chart.yOf(env[d]))
        ctx.lineTo(chart.xOf(Math.min(env.length, chart.days) - 1), chart.yOf(0))
        ctx.closePath()
        ctx.fill()
        ctx.globalAlpha = 1
    }

    // Flags: a marker at the top of their day, in the severity's colour.
    const perDay = {}
    for (let f = 0; f < chart.flags.length; ++f) {
        const flag = chart.flags[f]
        if (flag.day >= chart.days)
            continue
        const n = perDay[flag.day] || 0
        perDay[flag.day] = n + 1
        const x = chart.xOf(flag.day), y = chart.padTop - 8 + n * 0
        ctx.strokeStyle = severityColor(chart.severityColors, flag.severity)
        ctx.setLineDash([4, 4])
        ctx.beginPath()
        ctx.moveTo(x, chart.padTop)
        ctx.lineTo(x, chart.padTop + chart.plotHeight)
        ctx.stroke()
        ctx.setLineDash([])
        ctx.fillStyle = severityColor(chart.severityColors, flag.severity)
        ctx.beginPath()
        ctx.moveTo(x, y + 8)
        ctx.lineTo(x - 7, y - 4)
        ctx.lineTo(x + 7, y - 4)
        ctx.closePath()
        ctx.fill()
    }

    paintPhoto(ctx, chart, ink)

    // Logged scores: a line with points; the current one ringed.
    for (let s = 0; s < chart.series.length; ++s) {
        const pts = chart.series[s].points
        if (!chart.isShown(s) || pts.length === 0)
            continue
        ctx.strokeStyle = chart.colorOf(s)
        ctx.fillStyle = chart.colorOf(s)
        ctx.lineWidth = 2
        ctx.beginPath()
        for (let p = 0; p < pts.length; ++p) {
            const x = chart.xOf(pts[p].day), y = chart.yOf(pts[p].fraction)
            if (p === 0)
                ctx.moveTo(x, y)
            else
                ctx.lineTo(x, y)
        }
        ctx.stroke()
        for (let p = 0; p < pts.length; ++p) {
            ctx.beginPath()
            ctx.arc(chart.xOf(pts[p].day), chart.yOf(pts[p].fraction), 4, 0, 2 * Math.PI)
            ctx.fill()
        }
        ctx.lineWidth = 1
    }
    if (chart.current) {
        const p = chart.series[chart.current.seriesIndex].points[chart.current.pointIndex]
        ctx.strokeStyle = ink
        ctx.lineWidth = 2
        ctx.beginPath()
        ctx.arc(chart.xOf(p.day), chart.yOf(p.fraction), 8, 0, 2 * Math.PI)
        ctx.stroke()
    }
}
