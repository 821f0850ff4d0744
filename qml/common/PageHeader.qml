import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// Page title, a context line, and the page's actions on the right (UI.md "Frame").
RowLayout {
    id: header
    property string title
    property string context
    default property alias actions: actionRow.data

    spacing: Theme.unit * 2

    ColumnLayout {
        Layout.fillWidth: true
        spacing: Theme.unit / 2
        Label {
            text: header.title
            font.pixelSize: Theme.titleSize
            font.weight: Font.DemiBold
            elide: Text.ElideRight
            Layout.fillWidth: true
            Accessible.role: Accessible.Heading
        }
        Label {
            visible: header.context.length > 0
            text: header.context
            opacity: 0.75
            elide: Text.ElideRight
            Layout.fillWidth: true
        }
    }
    RowLayout {
        id: actionRow
        spacing: Theme.unit
    }
}
