// Warns shortly before an idle session ends, and lets the visitor stay signed in.
// The server decides when a session ends; this only tells. The tabs of one browser
// share when that would be (localStorage), so activity in one keeps the others quiet.
(() => {
  "use strict";
  const warning = document.getElementById("idle-warning");
  if (!warning) {
    return;
  }
  const storageKey = "session-idle-ends-at";
  const warningTime = Number(warning.dataset.warningTime) * 1000;
  let endsAt = Date.now() + Number(warning.dataset.secondsLeft) * 1000;

  function learn(time) {
    endsAt = Math.max(endsAt, Number(time) || 0);
  }

  function share() {
    localStorage.setItem(storageKey, String(endsAt));
  }

  function update() {
    const left = endsAt - Date.now();
    if (left <= 0) {
      // The server has ended the session by now: show the page as it sees it.
      location.assign(location.href);
      return;
    }
    warning.hidden = left > warningTime;
  }

  learn(localStorage.getItem(storageKey));
  share();
  window.addEventListener("storage", (event) => {
    if (event.key === storageKey) {
      learn(event.newValue);
      update();
    }
  });
  warning.querySelector("form").addEventListener("submit", async (event) => {
    event.preventDefault();
    const response = await fetch(event.target.action, {
      method: "POST",
      body: new FormData(event.target),
      headers: { Accept: "application/json" },
    });
    const answer = response.ok ? await response.json() : {};
    if (answer.seconds_left == null) {
      location.assign(location.href);
      return;
    }
    learn(Date.now() + answer.seconds_left * 1000);
    share();
    update();
  });
  update();
  setInterval(update, 1000);
})();
