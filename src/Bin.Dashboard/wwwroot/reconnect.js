// With our own reconnect notice (App.razor), Blazor leaves what happens after a failed reconnection to us. A circuit
// the server no longer knows (its node stopped; the proxy sent the browser to another node) is "rejected": reload,
// and the page comes back current from whichever node serves it. After "failed" (the server was unreachable for
// all retries) try again as soon as the dispatcher looks at the tab.
const modal = document.getElementById("components-reconnect-modal");
if (modal) {
    modal.addEventListener("components-reconnect-state-changed", event => {
        const state = event.detail && event.detail.state;
        if (state === "rejected") {
            location.reload();
        } else if (state === "failed") {
            document.addEventListener("visibilitychange", retryWhenVisible);
        }
    });
}

async function retryWhenVisible() {
    if (document.visibilityState !== "visible") return;
    try {
        const resumed = await Blazor.reconnect();
        if (!resumed) location.reload();
        document.removeEventListener("visibilitychange", retryWhenVisible);
    } catch {
        // Still unreachable: the next change of visibility tries again.
    }
}
