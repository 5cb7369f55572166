// The nbgitpuller link of a notebook page follows the hub address the teacher types
// (scripts/build_site.py writes the rest of the link, from helpers.env.nbgitpuller_url).
document.addEventListener("DOMContentLoaded", () => {
  for (const input of document.querySelectorAll(".kit-hub-input")) {
    const box = input.closest(".kit-hub");
    const update = () => {
      const hub = input.value.trim().replace(/\/+$/, "");
      const link = hub + input.dataset.suffix;
      box.querySelector(".kit-hub-link").textContent = link;
      box.querySelector(".kit-hub-open").href = link;
    };
    input.addEventListener("input", update);
  }
});
