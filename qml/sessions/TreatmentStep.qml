import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Punctum.Common
import Punctum.Sessions

// Step 2: the treatment. Why it is given and the course planned; device and cartridge with
// serial, lot and expiry; consent, numbing cream and skin preparation; areas with depth and
// passes; products during and after the procedure with lot numbers; add-ons; the endpoint
// and what the skin did at the end. Core checks the record before the next step.
ColumnLayout {
    id: step
    property var clientId: 0
    signal next()
    spacing: Theme.unit * 2

    TreatmentRecordForm { id: form; vaultSession: VaultSession; clientId: step.clientId }

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
        return Object.assign({ device: device.text, cartridge: cartridge.text, areas: areas, products: products,
                               addOns: addOns, immediateResponse: response.text,
                               deviceSerial: serial.text, cartridgeLot: lot.text, cartridgeExpiry: expiry.text,
                               aftercareProducts: postCare.values() },
                             reason.values(), prep.values(), endpoint.values())
    }
    readonly property bool complete: device.text.trim().length > 0 && areaModel.count > 0

    ListModel { id: areaModel; ListElement { area: "Face"; depth: "1.0"; passes: 2 } }
    ListModel { id: productModel; ListElement { name: ""; lot: "" } }

    SectionLabel { objectName: "reasonSection"; text: qsTr("Why") }
    ReasonFields { id: reason; form: form; Layout.fillWidth: true }

    SectionLabel { text: qsTr("Device and cartridge") }
    GridLayout {
        columns: 2
        columnSpacing: Theme.unit * 2
        Layout.fillWidth: true
        Label { text: qsTr("Device"); Layout.preferredWidth: Theme.base * 13 }
        TextField { id: device; objectName: "deviceField"; placeholderText: qsTr("e.g. SkinPen Precision"); Layout.fillWidth: true; Accessible.name: qsTr("Device") }
        Label { text: qsTr("Cartridge") }
        TextField { id: cartridge; objectName: "cartridgeField"; placeholderText: qsTr("e.g. 14-pin"); Layout.fillWidth: true; Accessible.name: qsTr("Needle cartridge") }
        Label { text: qsTr("Device serial number") }
        TextField { id: serial; objectName: "deviceSerial"; placeholderText: qsTr("On the device's label"); Layout.fillWidth: true; Accessible.name: qsTr("Device serial number") }
        Label { text: qsTr("Cartridge lot and expiry") }
        RowLayout {
            Layout.fillWidth: true
            TextField { id: lot; objectName: "cartridgeLot"; placeholderText: qsTr("Lot number"); Layout.fillWidth: true; Accessible.name: qsTr("Cartridge lot number") }
            TextField { id: expiry; objectName: "cartridgeExpiry"; placeholderText: qsTr("Expiry YYYY-MM-DD"); Layout.preferredWidth: Theme.base * 10; Accessible.name: qsTr("Cartridge expiry date") }
        }
        Item { visible: expiryError.visible; implicitWidth: 1 }
        Label {
            id: expiryError
            objectName: "expiryError"
            text: form.expiryProblem(expiry.text)
            visible: text.length > 0
            color: Theme.errorColor(Material.theme === Material.Dark)
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
    }

    SectionLabel { text: qsTr("Before needling") }
    PreparationFields { id: prep; Layout.fillWidth: true }

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

    SectionLabel { text: qsTr("Products used during the procedure") }
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

    SectionLabel { text: qsTr("Post-care products (after the procedure)") }
    PostCareProducts { id: postCare; Layout.fillWidth: true }

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
    SectionLabel { text: qsTr("At the end of the session") }
    EndpointFields { id: endpoint; form: form; Layout.fillWidth: true }
    Label { text: qsTr("Skin at the end of the session") }
    TextField { id: response; objectName: "responseField"; placeholderText: qsTr("e.g. even redness, pinpoint bleeding stopped"); Layout.fillWidth: true; Accessible.name: qsTr("Immediate response of the skin") }

    Label {
        id: problem
        objectName: "treatmentProblem"
        visible: text.length > 0
        color: Theme.errorColor(Material.theme === Material.Dark)
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }
    Button {
        objectName: "treatmentNext"
        text: qsTr("Next: aftercare")
        highlighted: true
        enabled: step.complete
        Accessible.name: text
        onClicked: {
            problem.text = form.check(step.treatment())
            if (problem.text.length === 0)
                step.next()
        }
    }
}
