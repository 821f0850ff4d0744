import QtQuick
import Punctum.Common
import Punctum.Vault
import Punctum.Settings
import Punctum.Photos
import Punctum.Recovery
import Punctum.Sessions

// The pages Main.qml shows, by name (`table`): those of the vault itself, settings, photos
// and a patient's pages here, a clinic's in ClinicPages. Each page takes its arguments from
// pageArgs (what showPage was given) and asks for the next page with go(name, args).
QtObject {
    id: routes
    property var pageArgs: ({})
    // A line for the unlock page after a restore ("Restored and verified ...").
    property string unlockNotice
    signal navigate(string name, var args)

    function go(name, args) {
        routes.navigate(name, args || ({}))
    }
    function homePage() {
        return VaultSession.role === "patient" ? "today" : "attention"
    }

    // name -> page. An unknown name shows the unlock page.
    readonly property var table: ({
        "create": createPage, "unlock": unlockPage, "restore": restorePage,
        "recovery-key": recoveryKeyPage, "settings": settingsPage,
        "attention": clinic.attentionPage, "clients": clinic.clientsPage,
        "client": clinic.clientPage, "new-client": clinic.newClientPage,
        "session": clinic.sessionPage, "log": clinic.logPage,
        "new-session": clinic.newSessionPage, "reviews": clinic.reviewsPage,
        "today": todayPage, "recovery": recoveryPage, "aftercare": aftercarePage,
        "photo": photoPage, "compare": comparePage, "photos": photosPage
    })
    readonly property ClinicPages clinic: ClinicPages { router: routes }
    // Pages that open while the vault is locked; the others need it unlocked.
    readonly property var lockedPages: ["create", "recovery-key", "restore"]
    function pageFor(name) {
        if (routes.lockedPages.indexOf(name) < 0 && !VaultSession.unlocked)
            return unlockPage
        return routes.table.hasOwnProperty(name) ? routes.table[name] : unlockPage
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
    readonly property Component settingsPage: Component {
        SettingsPage {}
    }
    readonly property Component todayPage: Component {
        LogRecoveryPage {
            objectName: "todayPage"
            sessionId: VaultSession.latestSessionId()
            showBack: false
        }
    }
    readonly property Component recoveryPage: Component {
        SessionPage {
            objectName: "recoveryPage"
            sessionId: VaultSession.latestSessionId()
            backText: qsTr("Today")
            onBack: routes.go("today")
            onLogRecovery: routes.go("today")
            onOpenPhoto: (id) => routes.go("photo", { photoId: id, from: "recovery", back: "recovery" })
            onComparePhotos: (id) => routes.go("compare", { sessionId: id, from: "recovery", back: "recovery" })
        }
    }
    readonly property Component aftercarePage: Component {
        AftercarePage { sessionId: VaultSession.latestSessionId() }
    }
    // Photos: the viewer and compare pages go back where they were opened from (pageArgs.back:
    // "session", "photos" or "recovery"), keeping that page's arguments.
    function photoBack() {
        routes.go(routes.pageArgs.back || "session", routes.pageArgs)
    }
    readonly property Component photoPage: Component {
        PhotoViewerPage {
            photoId: routes.pageArgs.photoId || 0
            onBack: routes.photoBack()
            onCompare: (id) => routes.go("compare", Object.assign({}, routes.pageArgs, { sessionId: id }))
        }
    }
    readonly property Component comparePage: Component {
        PhotoComparePage {
            sessionId: routes.pageArgs.sessionId || 0
            onBack: routes.photoBack()
        }
    }
    readonly property Component photosPage: Component {
        PhotosPage {
            sessionId: VaultSession.latestSessionId()
            onOpenPhoto: (id) => routes.go("photo", { photoId: id, from: "photos", back: "photos" })
            onCompare: (id) => routes.go("compare", { sessionId: id, from: "photos", back: "photos" })
        }
    }
}
