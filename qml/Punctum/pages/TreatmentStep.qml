import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Punctum

// Step 2: the treatment. Device, cartridge, areas with depth and passes, products with lot
// numbers, add-ons, and what the skin did at the end.
ColumnLayout {
    id: step
    signal next()
    spacing: Theme.unit * 2

    function treatment() {
        const areas = [], products = [], addOns = []
        for (let i = 0; i < areaModel.count; ++i)
            areas.push({ area: areaModel.get(i).area, depth: Number(areaModel.get(i).depth), passes: areaModel.get(i).passes })
        for (let j = 0; j < productModel.count; ++j)
            if (productModel.get(j).name.trim().length > 0)
                products.push({ name: productModel.get(j).name, lot: productModel.get(j).lot })
        if (prp.checked) addOns.push({ kind: "prp", detail: "" })
        if (rf.checked) addOns.push({ kind: "rf", detail: rfDetail.text })
        if (other.checked) addOns.push({ kind: "other", detail: otherDetail.text })
        return { device: device.text, cartridge: cartridge.text, areas: areas, products: products,
                 addOns: addOns, immediateResponse: response.text }
    }
    readonly property bool complete: device.text.trim().length > 0 && areaModel.count > 0

    ListModel { id: areaModel; ListElement { area: "Face"; depth: "1.0"; passes: 2 } }
    ListModel { id: productModel; ListElement { name: ""; lot: "" } }

    GridLayout {
        columns: 2
        columnSpacing: Theme.unit * 2
        Layout.fillWidth: true
        Label { text: qsTr("Device") }
        TextField { id: device; objectName: "deviceField"; placeholderText: qsTr("e.g. SkinPen Precision"); Layout.fillWidth: true; Accessible.name: qsTr("Device") }
        Label { text: qsTr("Cartridge") }
        TextField { id: cartridge; objectName: "cartridgeField"; placeholderText: qsTr("e.g. 14-pin"); Layout.fillWidth: true; Accessible.name: qsTr("Needle cartridge") }
    }

    SectionLabel { text: qsTr("Areas") }
    Repeater {
        model: areaModel
        delegate: RowLayout {
            required property int index
            required property string area
            required property string depth
            required property int passes
            Layout.fillWidth: true
            TextField { text: area; placeholderText: qsTr("Area"); Layout.fillWidth: true; Accessible.name: qsTr("Area %1").arg(index + 1); onTextEdited: areaModel.setProperty(index, "area", text) }
            TextField {
                text: depth
                Layout.preferredWidth: Theme.base * 5
                validator: DoubleValidator { bottom: 0.1; top: 3; decimals: 2 }
                Accessible.name: qsTr("Depth in millimetres, area %1").arg(index + 1)
                onTextEdited: areaModel.setProperty(index, "depth", text)
            }
            Label { text: qsTr("mm") }
            SpinBox { value: passes; from: 1; to: 20; editable: true; Accessible.name: qsTr("Passes, area %1").arg(index + 1); onValueModified: areaModel.setProperty(index, "passes", value) }
            Label { text: qsTr("passes") }
            Button { text: qsTr("Remove"); flat: true; enabled: areaModel.count > 1; Accessible.name: qsTr("Remove area %1").arg(index + 1); onClicked: areaModel.remove(index) }
        }
    }
    Button { text: qsTr("Add area"); flat: true; Accessible.name: text; onClicked: areaModel.append({ area: "", depth: "1.0", passes: 1 }) }

    SectionLabel { text: qsTr("Products and lot numbers") }
    Repeater {
        model: productModel
        delegate: RowLayout {
            required property int index
            required property string name
            required property string lot
            Layout.fillWidth: true
            TextField { objectName: "productName" + index; text: name; placeholderText: qsTr("Product"); Layout.fillWidth: true; Accessible.name: qsTr("Product %1").arg(index + 1); onTextChanged: productModel.setProperty(index, "name", text) }
            TextField { objectName: "productLot" + index; text: lot; placeholderText: qsTr("Lot number"); Layout.preferredWidth: Theme.base * 9; Accessible.name: qsTr("Lot number of product %1").arg(index + 1); onTextChanged: productModel.setProperty(index, "lot", text) }
            Button { text: qsTr("Remove"); flat: true; Accessible.name: qsTr("Remove product %1").arg(index + 1); onClicked: productModel.remove(index) }
        }
    }
    Button { text: qsTr("Add product"); flat: true; Accessible.name: text; onClicked: productModel.append({ name: "", lot: "" }) }

    SectionLabel { text: qsTr("Add-ons") }
    Flow {
        spacing: Theme.unit * 2
        Layout.fillWidth: true
        CheckBox { id: prp; text: qsTr("PRP"); Accessible.name: qsTr("Platelet-rich plasma") }
        CheckBox { id: rf; text: qsTr("RF"); Accessible.name: qsTr("Radiofrequency") }
        TextField { id: rfDetail; visible: rf.checked; placeholderText: qsTr("RF device and energy"); Accessible.name: placeholderText }
        CheckBox { id: other; text: qsTr("Other"); Accessible.name: qsTr("Another add-on") }
        TextField { id: otherDetail; visible: other.checked; placeholderText: qsTr("Describe it (required)"); Accessible.name: qsTr("Describe the other add-on") }
    }
    Label { text: qsTr("Skin at the end of the session") }
    TextField { id: response; objectName: "responseField"; placeholderText: qsTr("e.g. even redness, pinpoint bleeding stopped"); Layout.fillWidth: true; Accessible.name: qsTr("Immediate response of the skin") }

    Button {
        objectName: "treatmentNext"
        text: qsTr("Next: aftercare")
        highlighted: true
        enabled: step.complete
        Accessible.name: text
        onClicked: step.next()
    }
}
