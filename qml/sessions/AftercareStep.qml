import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Punctum.Common
import Punctum.Sessions

// Step 3: aftercare. The profile's advice, editable, as the client leaves with it.
ColumnLayout {
    id: step
    property NewSessionPageController flow
    property alias text: advice.text
    signal next()
    spacing: Theme.unit * 2

    Label {
        text: qsTr("The aftercare advice of the norms profile in force. Edit it to what you tell this client.")
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }
    TextArea {
        id: advice
        objectName: "aftercareText"
        text: step.flow.aftercare.map(line => "\u2022 " + line).join("\n")
        wrapMode: TextEdit.Wrap
        Layout.fillWidth: true
        Accessible.name: qsTr("Aftercare given to the client")
    }
    Label {
        text: qsTr("Source: %1").arg(step.flow.aftercareSource)
        wrapMode: Text.Wrap
        opacity: 0.8
        font.pixelSize: Theme.smallSize
        Layout.fillWidth: true
    }
    Button {
        objectName: "aftercareNext"
        text: qsTr("Next: review and sign")
        highlighted: true
        Accessible.name: text
        onClicked: step.next()
    }
}
