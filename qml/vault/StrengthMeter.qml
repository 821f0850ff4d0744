import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Punctum.Common
import Punctum.Vault

// How hard the passphrase being typed would be to guess: four segments, the level in words
// and one sentence of advice (core's estimate; the colours only repeat what the words say).
ColumnLayout {
    id: meter
    property string passphrase
    readonly property var result: PassphraseMeter.assess(meter.passphrase)
    readonly property bool acceptable: result.acceptable
    readonly property bool dark: Material.theme === Material.Dark

    spacing: Theme.unit / 2
    visible: passphrase.length > 0

    RowLayout {
        spacing: Theme.unit / 2
        Layout.fillWidth: true
        Repeater {
            model: 4
            delegate: Rectangle {
                required property int index
                Layout.fillWidth: true
                implicitHeight: Theme.unit / 2
                radius: height / 2
                // Very weak still fills one segment, in the error colour, so the bar is never blank.
                color: index < Math.max(1, meter.result.score)
                       ? (meter.acceptable ? (meter.dark ? Theme.okOnDark : Theme.ok)
                                           : Theme.errorColor(meter.dark))
                       : meter.Material.dividerColor
            }
        }
    }
    Label {
        objectName: "strengthAdvice"
        // Core's advice for an acceptable passphrase already starts with its level ("Good: ...").
        text: meter.acceptable ? meter.result.advice
                               : qsTr("%1, not enough for a vault. %2").arg(meter.result.level).arg(meter.result.advice)
        color: meter.acceptable ? palette.windowText : Theme.errorColor(meter.dark)
        wrapMode: Text.Wrap
        font.pixelSize: Theme.smallSize
        Layout.fillWidth: true
        Accessible.role: Accessible.StaticText
        Accessible.name: text
    }
}
