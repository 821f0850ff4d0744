import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Punctum

// The frame (UI.md): while locked, the unlock or create page fills the window; once
// unlocked, a navigation rail on the left and the current page on the right.
ApplicationWindow {
    id: window
    objectName: "mainWindow"
    width: 1200
    height: 800
    minimumWidth: 760
    minimumHeight: 520
    visible: true
    title: VaultSession.unlocked ? qsTr("Punctum \u2014 %1").arg(VaultSession.accountDisplayName)
                                 : qsTr("Punctum")

    Material.theme: Material.System
    Material.accent: Material.Teal
    Material.primary: Material.Teal

    // The page shown: "create" | "unlock" | "recovery-key" | "clients" | "client".
    property string page: VaultSession.vaultExists ? "unlock" : "create"
    property var pageArgs: ({})
    property string recoveryKey

    // For the page tour (--self-test, --screenshots) and keyboard navigation.
    function showPage(name, args) {
        window.pageArgs = args || ({})
        window.page = name
    }

    Connections {
        target: VaultSession
        function onUnlockedChanged() {
            if (VaultSession.unlocked) {
                if (window.page !== "recovery-key")
                    window.showPage("clients")
            } else {
                window.showPage(VaultSession.vaultExists ? "unlock" : "create")
            }
        }
        function onCreated(recoveryKey) {
            window.recoveryKey = recoveryKey
            window.showPage("recovery-key")
        }
    }

    Shortcut {
        sequence: "Ctrl+L"
        enabled: VaultSession.unlocked
        onActivated: VaultSession.lock()
    }

    RowLayout {
        anchors.fill: parent
        spacing: 0

        NavRail {
            visible: VaultSession.unlocked && window.page !== "recovery-key"
            current: window.page === "client" ? "clients" : window.page
            Layout.fillHeight: true
            Layout.preferredWidth: Theme.railWidth
            onNavigate: (name) => window.showPage(name)
        }

        Loader {
            id: content
            objectName: "pageLoader"
            Layout.fillWidth: true
            Layout.fillHeight: true
            focus: true
            sourceComponent: {
                switch (window.page) {
                case "create": return createPage
                case "recovery-key": return recoveryKeyPage
                case "clients": return VaultSession.unlocked ? clientsPage : unlockPage
                case "client": return VaultSession.unlocked ? clientPage : unlockPage
                default: return unlockPage
                }
            }
        }
    }

    Component {
        id: unlockPage
        UnlockPage {}
    }
    Component {
        id: createPage
        CreateVaultPage { onCancelled: window.showPage("unlock") }
    }
    Component {
        id: recoveryKeyPage
        RecoveryKeyPage {
            recoveryKey: window.recoveryKey
            onDone: {
                window.recoveryKey = ""
                window.showPage("clients")
            }
        }
    }
    Component {
        id: clientsPage
        ClientsPage { onOpenClient: (id) => window.showPage("client", { clientId: id }) }
    }
    Component {
        id: clientPage
        ClientPage {
            clientId: window.pageArgs.clientId || 0
            onBack: window.showPage("clients")
        }
    }
}
