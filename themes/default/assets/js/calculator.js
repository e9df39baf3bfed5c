/* An Sinh contribution calculator (see generator/policy.py, the one source of the figures).
 *
 * Every policy number comes from the JSON block the build writes into the page:
 * income floor, ceiling and slider step; the contribution rate as an exact
 * fraction; the State support a month for each group; the months of each
 * payment mode; the household health insurance totals; how the locale writes
 * amounts. The arithmetic mirrors voluntary_contribution(): the monthly
 * contribution is income × rate rounded half up to the đồng, in integers.
 * No network, no framework, no inline code: works under script-src 'self'.
 */
(function () {
  "use strict";

  function groupDigits(digits, spec) {
    var groups = [];
    var size = spec.primary;
    while (digits.length > size) {
      groups.unshift(digits.slice(digits.length - size));
      digits = digits.slice(0, digits.length - size);
      size = spec.secondary;
    }
    groups.unshift(digits);
    return groups.join(spec.group);
  }

  function formatNumber(value, spec) {
    return groupDigits(String(value), spec);
  }

  function formatAmount(value, spec) {
    return spec.prefix + formatNumber(value, spec) + spec.suffix;
  }

  /* The whole đồng nearest to income × num / den, halves up (all integers, exact). */
  function monthlyContribution(income, rate) {
    var top = 2 * income * rate[0] + rate[1];
    var bottom = 2 * rate[1];
    return (top - (top % bottom)) / bottom;
  }

  /* The digits typed, as a number; null when there are none. */
  function parseIncome(text) {
    var digits = String(text).replace(/[^0-9]/g, "").replace(/^0+(?=\d)/, "");
    if (digits === "") {
      return null;
    }
    return digits.length > 12 ? Infinity : parseInt(digits, 10);
  }

  function checkedValue(inputs) {
    for (var i = 0; i < inputs.length; i += 1) {
      if (inputs[i].checked) {
        return inputs[i].value;
      }
    }
    return inputs.length ? inputs[0].value : null;
  }

  function setText(root, name, text) {
    var node = root.querySelector('[data-calc-out="' + name + '"]');
    if (node && node.textContent !== text) {
      node.textContent = text;
    }
  }

  function initVoluntary(root, data) {
    var form = root.querySelector("[data-calc-form]");
    var field = root.querySelector("[data-calc-income]");
    var range = root.querySelector("[data-calc-range]");
    var groups = root.querySelectorAll("[data-calc-group]");
    var modes = root.querySelectorAll("[data-calc-mode]");
    var notes = root.querySelectorAll("[data-calc-note]");
    var spec = data.format;
    if (!form || !field || !range) {
      return;
    }

    function clamp(value) {
      return Math.max(data.floor, Math.min(data.ceiling, value));
    }

    function showNote(which) {
      for (var i = 0; i < notes.length; i += 1) {
        notes[i].hidden = notes[i].getAttribute("data-calc-note") !== which;
      }
    }

    function update(income) {
      var months = data.months[checkedValue(modes)] || 1;
      var gross = monthlyContribution(income, data.rate);
      var support = Math.min(data.support[checkedValue(groups)] || 0, gross);
      setText(root, "income", formatAmount(income, spec));
      setText(root, "gross", formatAmount(gross * months, spec));
      setText(root, "support", formatAmount(support * months, spec));
      setText(root, "pay", formatAmount((gross - support) * months, spec));
      setText(root, "month", formatAmount(gross - support, spec));
    }

    function fieldIncome() {
      var typed = parseIncome(field.value);
      return typed === null ? data.floor : clamp(typed);
    }

    field.addEventListener("input", function () {
      var income = fieldIncome();
      range.value = String(income);
      showNote(null);
      update(income);
    });
    field.addEventListener("change", function () {
      var typed = parseIncome(field.value);
      var income = fieldIncome();
      field.value = formatNumber(income, spec);
      range.value = String(income);
      showNote(typed !== null && typed < data.floor ? "floor"
        : typed !== null && typed > data.ceiling ? "ceiling" : null);
      update(income);
    });
    range.addEventListener("input", function () {
      var income = clamp(parseInt(range.value, 10) || data.floor);
      field.value = formatNumber(income, spec);
      showNote(null);
      update(income);
    });
    form.addEventListener("change", function (event) {
      if (event.target !== field && event.target !== range) {
        update(fieldIncome());
      }
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      field.blur();
    });

    range.value = String(fieldIncome());
    update(fieldIncome());
    form.hidden = false;
  }

  function initHealth(root, data) {
    var form = root.querySelector("[data-calc-health-form]");
    var select = root.querySelector("[data-calc-members]");
    var people = root.querySelectorAll("[data-calc-person]");
    if (!form || !select) {
      return;
    }

    function update() {
      var count = Math.max(1, Math.min(data.householdTotals.length, parseInt(select.value, 10) || 1));
      for (var i = 0; i < people.length; i += 1) {
        people[i].hidden = parseInt(people[i].getAttribute("data-calc-person"), 10) > count;
      }
      setText(root, "household", formatAmount(data.householdTotals[count - 1], data.format));
    }

    select.addEventListener("change", update);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
    });
    update();
    form.hidden = false;
  }

  function foldTables(root) {
    var tables = root.querySelectorAll("[data-calc-table]");
    var opened = [];
    for (var i = 0; i < tables.length; i += 1) {
      tables[i].open = false;
    }
    /* The printed page keeps the tables: open them while printing. */
    window.addEventListener("beforeprint", function () {
      opened = [];
      for (var j = 0; j < tables.length; j += 1) {
        opened.push(tables[j].open);
        tables[j].open = true;
      }
    });
    window.addEventListener("afterprint", function () {
      for (var k = 0; k < tables.length && k < opened.length; k += 1) {
        tables[k].open = opened[k];
      }
    });
  }

  function init(root) {
    if (root.getAttribute("data-calc-ready")) {
      return;
    }
    var block = root.querySelector('script[type="application/json"][data-calc-data]');
    if (!block) {
      return;
    }
    root.setAttribute("data-calc-ready", "1");
    var data = JSON.parse(block.textContent);
    initVoluntary(root, data);
    initHealth(root, data);
    foldTables(root);
  }

  function start() {
    var roots = document.querySelectorAll("[data-calc]");
    for (var i = 0; i < roots.length; i += 1) {
      init(roots[i]);
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
}());
