import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Punctum.Common
import Punctum.Vault
import Punctum.Settings

// Settings, for an administrator of a clinic vault: who can unlock it, adding an account
// with its first passphrase, removing one, and re-encrypting after a removal. Storage checks
// Action::manage_accounts; its refusals show here, next to the form.
ColumnLayout {
    id: section
    objectName: "settingsAccounts"
    spacing: Theme.unit * 1.5
    readonly property bool dark: Material.theme === Material.Dark

    AccountListModel {
        id: accounts
        vaultSession: VaultSession
        onAdded: {
            loginField.clear()
            nameField.clear()
            firstPass.clear()
        }
    }

    SectionLabel { text: qsTr("Accounts"); Layout.topMargin: Theme.unit }
    Label {
        text: qsTr("Each person unlocks the vault with their own account and passphrase; every change they make is recorded under their name.")
        wrapMode: Text.Wrap
        opacity: 0.8
        Layout.fillWidth: true
    }
    Repeater {
        model: accounts
        delegate: RowLayout {
            required property string name
            required property string displayName
            required property string roleWord
            required property bool isMe
            spacing: Theme.unit * 2
            Layout.fillWidth: true
            Label {
                text: isMe ? qsTr("%1 (%2), you").arg(displayName).arg(name) : qsTr("%1 (%2)").arg(displayName).arg(name)
                elide: Text.ElideRight
                Layout.fillWidth: true
            }
            Label { text: roleWord; opacity: 0.8; Layout.preferredWidth: Theme.base * 9 }
            Button {
                text: qsTr("Remove")
                flat: true
                visible: !isMe
                Accessible.name: qsTr("Remove the account of %1").arg(displayName)
                onClicked: {
                    confirmRemove.account = name
                    confirmRemove.shownName = displayName
                    confirmRemove.open()
                }
            }
            Item { visible: isMe; Layout.preferredWidth: Theme.base * 5 }
        }
    }
    Label {
        objectName: "accountsNotice"
        visible: accounts.notice.length > 0
        text: accounts.notice
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }
    RowLayout {
        visible: accounts.rotationAdvised
        spacing: Theme.unit
        Layout.fillWidth: true
        Label {
            text: qsTr("Re-encrypt the vault so the removed account's key opens nothing new.")
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        Button {
            objectName: "rotateKeyButton"
            text: qsTr("Re-encrypt now")
            Accessible.name: qsTr("Re-encrypt the vault under a new data key")
            onClicked: tasks.rotateDataKey()
        }
    }

    Label { text: qsTr("Add an account"); font.weight: Font.DemiBold; Layout.topMargin: Theme.unit }
    GridLayout {
        columns: 2
        columnSpacing: Theme.unit * 2
        rowSpacing: Theme.unit
        Layout.fillWidth: true
        Label { text: qsTr("Login name") }
        TextField {
            id: loginField
            objectName: "newAccountLogin"
            placeholderText: qsTr("For example: jlee")
            Layout.fillWidth: true
            Accessible.name: qsTr("Login name of the new account")
        }
        Label { text: qsTr("Name shown") }
        TextField {
            id: nameField
            objectName: "newAccountName"
            placeholderText: qsTr("For example: Jo Lee")
            Layout.fillWidth: true
            Accessible.name: qsTr("Name shown for the new account")
        }
        Label { text: qsTr("Role") }
        ComboBox {
            id: roleBox
            objectName: "newAccountRole"
            textRole: "label"
            valueRole: "key"
            model: [{ key: "practitioner", label: qsTr("Practitioner: records sessions and settles flags") },
                    { key: "reviewer", label: qsTr("Reviewer: reads records and the audit trail") },
                    { key: "admin", label: qsTr("Administrator: also manages accounts and settings") }]
            Layout.fillWidth: true
            Accessible.name: qsTr("Role of the new account")
        }
        Label { text: qsTr("First passphrase") }
        TextField {
            id: firstPass
            objectName: "newAccountPassphrase"
            echoMode: TextInput.Password
            placeholderText: qsTr("They can change it after unlocking")
            Layout.fillWidth: true
            Accessible.name: qsTr("First passphrase of the new account")
        }
        // Hidden along with the meter: a GridLayout skips invisible items, shifting the cells.
        Item { implicitWidth: 1; visible: meter.visible }
        StrengthMeter {
            id: meter
            passphrase: firstPass.text
            Layout.fillWidth: true
        }
    }
    Label {
        objectName: "accountsError"
        visible: accounts.error.length > 0
        text: accounts.error
        color: Theme.errorColor(section.dark)
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }
    Button {
        objectName: "addAccountButton"
        text: qsTr("Add account")
        enabled: loginField.text.trim().length > 0 && nameField.text.trim().length > 0 && meter.acceptable
        Layout.alignment: Qt.AlignRight
        Accessible.name: text
        onClicked: accounts.add(loginField.text, nameField.text, roleBox.currentValue, firstPass.text)
    }

    Dialog {
        id: confirmRemove
        property string account
        property string shownName
        parent: Overlay.overlay
        anchors.centerIn: parent
        modal: true
        title: qsTr("Remove %1?").arg(shownName)
        contentItem: Label {
            text: qsTr("%1 will no longer be able to unlock the vault. Their records and audit entries stay. "
                       + "Afterwards, re-encrypt the vault so their old key opens nothing new.").arg(confirmRemove.shownName)
            wrapMode: Text.Wrap
        }
        width: Math.min(parent ? parent.width - Theme.unit * 6 : Theme.formWidth, Theme.base * 34)
        footer: DialogButtonBox {
            Button {
                text: qsTr("Cancel")
                flat: true
                DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
                Accessible.name: text
            }
            Button {
                text: qsTr("Remove")
                DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole
                Accessible.name: qsTr("Remove the account")
            }
        }
        onAccepted: accounts.remove(account)
    }

    VaultTasks {
        id: tasks
        vaultSession: VaultSession
    }
}
