/** Pane entry inside Excel (the shell comes with issue 3). */
const root = document.getElementById("root");
if (root) root.textContent = "МСОКО для Excel";
export {};
