import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Punctum.Common

// Products the client uses after the procedure (post-care), apart from those applied during
// it, each with its lot number so a bad batch can be traced.
ColumnLayout {
    id: postCare
    spacing: Theme.unit

    function values() {
        const out = []
        for (let i = 0; i < rows.count; ++i)
            if (rows.get(i).name.trim().length > 0)
                out.push({ name: rows.get(i).name, lot: rows.get(i).lot })
        return out
    }

    ListModel { id: rows; ListElement { name: ""; lot: "" } }
    Repeater {
        model: rows
        delegate: RowLayout {
            id: product
            required property int index
            required property string name
            required property string lot
            Layout.fillWidth: true
            TextField {
                id: nameField
                objectName: "aftercareProductName" + product.index
                text: product.name
                placeholderText: qsTr("Post-care product, e.g. SPF 50")
                Layout.fillWidth: true
                Accessible.name: qsTr("Post-care product %1").arg(product.index + 1)
                onTextChanged: rows.setProperty(product.index, "name", nameField.text)
            }
            TextField {
                id: lotField
                objectName: "aftercareProductLot" + product.index
                text: product.lot
                placeholderText: qsTr("Lot number")
                Layout.preferredWidth: Theme.base * 9
                Accessible.name: qsTr("Lot number of post-care product %1").arg(product.index + 1)
                onTextChanged: rows.setProperty(product.index, "lot", lotField.text)
            }
            Button { text: qsTr("Remove"); flat: true; Accessible.name: qsTr("Remove post-care product %1").arg(product.index + 1); onClicked: rows.remove(product.index) }
        }
    }
    Button { text: qsTr("Add post-care product"); flat: true; Accessible.name: text; onClicked: rows.append({ name: "", lot: "" }) }
}
