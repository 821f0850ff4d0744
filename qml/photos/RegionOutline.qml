import QtQuick
import QtQuick.Controls

// An analysed region drawn over its photo: the polygon as fractions of the picture (from
// C++), scaled to this item's size, with a label ("Treated area", "Untreated skin"). A white
// line on a dark one shows on any skin; the untreated reference is dashed.
Item {
    id: outline
    property var points: []
    property string label
    property bool dashed: false
    readonly property var bounds: {
        if (points.length === 0)
            return Qt.rect(0, 0, 0, 0)
        let x0 = 1, y0 = 1, x1 = 0, y1 = 0
        for (const p of points) {
            x0 = Math.min(x0, p.x); y0 = Math.min(y0, p.y)
            x1 = Math.max(x1, p.x); y1 = Math.max(y1, p.y)
        }
        return Qt.rect(x0 * width, y0 * height, (x1 - x0) * width, (y1 - y0) * height)
    }
    visible: points.length > 2

    onPointsChanged: canvas.requestPaint()
    onWidthChanged: canvas.requestPaint()
    onHeightChanged: canvas.requestPaint()

    Canvas {
        id: canvas
        anchors.fill: parent
        onPaint: {
            const ctx = getContext("2d")
            ctx.reset()
            if (outline.points.length < 3)
                return
            const trace = () => {
                ctx.beginPath()
                for (let i = 0; i < outline.points.length; ++i) {
                    const x = outline.points[i].x * width, y = outline.points[i].y * height
                    if (i === 0) ctx.moveTo(x, y); else ctx.lineTo(x, y)
                }
                ctx.closePath()
                ctx.stroke()
            }
            ctx.setLineDash(outline.dashed ? [6, 4] : [])
            ctx.lineWidth = 4
            ctx.strokeStyle = "rgba(0,0,0,0.6)"
            trace()
            ctx.lineWidth = 2
            ctx.strokeStyle = "white"
            trace()
        }
    }
    PhotoChip {
        text: outline.label
        x: Math.max(0, Math.min(outline.width - width, outline.bounds.x))
        // Above the region when there is room, else just inside it.
        y: outline.bounds.y - height - 2 >= 0 ? outline.bounds.y - height - 2 : outline.bounds.y + 2
    }
}
