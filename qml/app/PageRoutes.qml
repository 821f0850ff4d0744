import QtQuick
import Punctum.Common
import Punctum.Vault

// The pages Main.qml shows, by name: those of the vault itself (unlock, create, restore, the
// recovery key) here; the pages behind the unlock page in UnlockedPages, made from its URL the
// first time the vault opens, so starting the app compiles the unlock page and what it needs,
// not every page (issue 13 item 7). Each page takes its arguments from pageArgs (what
// showPage was given) and asks for the next page with go(name, args).
QtObject {
    id: routes
    property var pageArgs: ({})
    // The clinic's inbox (Main.qml), for the settings page's inbox section.
    property QtObject inbox: null
    // A line for the unlock page after a restore ("Restored and verified ...").
    property string unlockNotice
    signal navigate(string name, var args)

    function go(name, args) {
        routes.navigate(name, args || ({}))
    }
    function homePage() {
        return VaultSession.role === "patient" ? "today" : "attention"
    }

    // The pages behind the unlock page (an UnlockedPages), null until the vault first opens.
    property QtObject unlocked: null
    function makeUnlockedPages() {
        if (routes.unlocked)
            return
        const component = Qt.createComponent(Qt.resolvedUrl("UnlockedPages.qml"))
        if (component.status !== Component.Ready) {
            console.error("UnlockedPages.qml:", component.errorString())
            return
        }
        routes.unlocked = component.createObject(routes, { router: routes })
    }
    Component.onCompleted: {
        if (VaultSession.unlocked)
            routes.makeUnlockedPages()
    }

    // name -> page, for the vault's own pages; the others are in unlocked.table.
    readonly property var lockedTable: ({
        "create": createPage, "unlock": unlockPage, "restore": restorePage,
        "recovery-key": recoveryKeyPage
    })
    // Pages that open while the vault is locked; the others need it unlocked. An unknown name
    // shows the unlock page.
    readonly property var lockedPages: ["create", "recovery-key", "restore"]
    function pageFor(name) {
        if (routes.lockedTable.hasOwnProperty(name))
            return routes.lockedPages.indexOf(name) >= 0 || !VaultSession.unlocked
                    ? routes.lockedTable[name] : unlockPage
        if (!VaultSession.unlocked || !routes.unlocked || !routes.unlocked.table.hasOwnProperty(name))
            return unlockPage
        return routes.unlocked.table[name]
    }

    // The rail item a page belongs to: a session and what opens from it belong to the item it
    // was opened from (pageArgs.from).
    readonly property var railItems: ({ "client": "clients", "new-session": "clients", "new-client": "clients" })
    readonly property var openedFrom: ["session", "log", "photo", "compare"]
    function railItem(name, args) {
        if (routes.openedFrom.indexOf(name) >= 0)
            return args.from || "clients"
        return routes.railItems[name] || name
    }

    readonly property Component unlockPage: Component {
        UnlockPage {
            notice: routes.unlockNotice
            onCreateRequested: routes.go("create")
            onRestoreRequested: routes.go("restore")
        }
    }
    readonly property Component restorePage: Component {
        RestoreBackupPage { onCancelled: routes.go(VaultSession.vaultExists ? "unlock" : "create") }
    }
    readonly property Component createPage: Component {
        CreateVaultPage { onCancelled: routes.go("unlock") }
    }
    readonly property Component recoveryKeyPage: Component {
        RecoveryKeyPage {
            onDone: {
                VaultSession.forgetRecoveryKey()
                routes.go(routes.homePage())
            }
        }
    }
}
