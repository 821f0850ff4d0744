import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// Under a compared photo: which one it is, its day, and its redness in plain words.
ColumnLayout {
    id: caption
    property var photo: ({})
    property string heading
    spacing: 2
    Label {
        text: qsTr("%1: %2").arg(caption.heading).arg(caption.photo.label || "")
        font.weight: Font.DemiBold
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }
    Label {
        text: caption.photo.redness || ""
        wrapMode: Text.Wrap
        opacity: 0.8
        Layout.fillWidth: true
    }
}
