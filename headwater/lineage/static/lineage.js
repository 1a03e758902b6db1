// The self-contained lineage page: pan, zoom, fit, reset, and a node's details on click.
(() => {
  const svg = document.getElementById("lineage-graph");
  const viewport = document.getElementById("viewport");
  const panel = document.getElementById("details");
  const details = JSON.parse(document.getElementById("lineage-details").textContent);
  const hint = panel.innerHTML;
  let view = { x: 0, y: 0, k: 1 };

  const apply = () =>
    viewport.setAttribute("transform", `translate(${view.x},${view.y}) scale(${view.k})`);

  const fit = () => {
    const box = viewport.getBBox();
    const pad = 48;
    const width = svg.clientWidth;
    const height = svg.clientHeight;
    const k = Math.min((width - 2 * pad) / box.width, (height - 2 * pad) / box.height, 1.5);
    view = { k, x: (width - box.width * k) / 2 - box.x * k, y: (height - box.height * k) / 2 - box.y * k };
    apply();
  };

  const select = (id) => {
    for (const node of svg.querySelectorAll(".node.selected")) node.classList.remove("selected");
    if (!id) {
      panel.innerHTML = hint;
      return;
    }
    svg.querySelector(`[data-id="${CSS.escape(id)}"]`).classList.add("selected");
    const rows = details[id];
    const heading = document.createElement("h2");
    heading.textContent = `${rows[0][1]}`;
    const table = document.createElement("table");
    for (const [field, value] of rows) {
      const row = table.insertRow();
      const th = document.createElement("th");
      th.textContent = field;
      row.appendChild(th);
      row.insertCell().textContent = value;
    }
    panel.replaceChildren(heading, table);
  };

  for (const node of svg.querySelectorAll(".node")) {
    node.addEventListener("click", (event) => {
      event.stopPropagation();
      select(node.dataset.id);
    });
    node.addEventListener("keydown", (event) => {
      if (event.key === "Enter" || event.key === " ") select(node.dataset.id);
    });
  }

  let drag = null;
  svg.addEventListener("pointerdown", (event) => {
    if (event.target.closest(".node")) return;
    drag = { x: event.clientX - view.x, y: event.clientY - view.y };
    svg.classList.add("panning");
  });
  window.addEventListener("pointermove", (event) => {
    if (!drag) return;
    view = { ...view, x: event.clientX - drag.x, y: event.clientY - drag.y };
    apply();
  });
  window.addEventListener("pointerup", () => {
    drag = null;
    svg.classList.remove("panning");
  });
  svg.addEventListener(
    "wheel",
    (event) => {
      event.preventDefault();
      const factor = Math.exp(-event.deltaY * 0.0015);
      const rect = svg.getBoundingClientRect();
      const px = event.clientX - rect.left;
      const py = event.clientY - rect.top;
      const k = Math.min(Math.max(view.k * factor, 0.2), 4);
      view = { k, x: px - ((px - view.x) * k) / view.k, y: py - ((py - view.y) * k) / view.k };
      apply();
    },
    { passive: false },
  );

  document.getElementById("fit").addEventListener("click", fit);
  document.getElementById("reset").addEventListener("click", () => {
    select(null);
    fit();
  });
  window.addEventListener("resize", fit);
  fit();
})();
