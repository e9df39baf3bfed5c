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

  /* Shorthand people type for amounts, written without marks: 5tr, 5 triệu, 3tr5,
   * 1,2 tr, 500k, 500 nghìn, 2 củ. Millions first, then thousands. */
  var MILLION = /^(trieu|tr|cu|m)$/;
  var THOUSAND = /^(nghin|ngan|ng|k)$/;
  var CURRENCY = /(vnd|dong|d)$/;

  function fold(text) {
    return String(text).toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/\u0111/g, "d").replace(/\s+/g, " ").trim();
  }

  /* A number written with a unit: 5, 1,2 or 1.2 (a decimal), 1.500 (grouped). */
  function unitNumber(text) {
    var parts = text.split(/[.,]/);
    if (parts.length === 1) {
      return parseInt(text, 10);
    }
    if (parts.length === 2 && parts[1].length <= 2) {
      return parseFloat(parts[0] + "." + parts[1]);
    }
    if (/^\d{1,3}([.,]\d{3})+$/.test(text)) {
      return parseInt(parts.join(""), 10);
    }
    return NaN;
  }

  /* The amount typed, in đồng: {value} (null when nothing is typed), or {error: true}
     when it cannot be read for sure; never a guess. */
  function parseIncome(text) {
    /* 2 000 000: spaces between groups of digits join them. */
    var folded = fold(text).replace(CURRENCY, "").trim().replace(/(\d) (?=\d{3}(\D|$))/g, "$1");
    var pairs = [];
    var rest = folded.replace(/(\d[\d.,]*)\s*([a-z]*)\s*/g, function (all, number, unit) {
      pairs.push([number, unit]);
      return "";
    });
    if (folded === "") {
      return { value: null };
    }
    if (rest !== "" || pairs.length === 0 || pairs.length > 3) {
      return { error: true };
    }
    var total = 0;
    var after = null;
    for (var i = 0; i < pairs.length; i += 1) {
      var number = pairs[i][0].replace(/[.,]$/, "");
      var unit = pairs[i][1];
      if (MILLION.test(unit) && i === 0) {
        total += unitNumber(number) * 1000000;
        after = "million";
      } else if (THOUSAND.test(unit) && after !== "thousand") {
        total += unitNumber(number) * 1000;
        after = "thousand";
      } else if (unit === "" && after === "million" && /^\d{1,3}$/.test(number)) {
        /* 3tr5 is 3,500,000; 3tr25 is 3,250,000; 3tr500 is 3,500,000. */
        total += number.length === 3 ? parseInt(number, 10) * 1000
          : parseInt(number, 10) * Math.pow(10, 6 - number.length);
        after = "done";
      } else if (unit === "" && pairs.length === 1) {
        if (!/^\d+$/.test(number) && !/^\d{1,3}([.,]\d{3})+$/.test(number)) {
          return { error: true };
        }
        var digits = number.replace(/[.,]/g, "").replace(/^0+(?=\d)/, "");
        return { value: digits.length > 12 ? Infinity : parseInt(digits, 10) };
      } else {
        return { error: true };
      }
    }
    return isFinite(total) ? { value: Math.round(total) } : { error: true };
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

    /* The income to use, or null while what is typed cannot be read. */
    function fieldIncome() {
      var typed = parseIncome(field.value);
      if (typed.error) {
        return null;
      }
      return typed.value === null ? data.floor : clamp(typed.value);
    }

    function refuse() {
      field.setAttribute("aria-invalid", "true");
      showNote("unreadable");
    }

    field.addEventListener("input", function () {
      var income = fieldIncome();
      if (income === null) {
        return;
      }
      field.removeAttribute("aria-invalid");
      range.value = String(income);
      showNote(null);
      update(income);
    });
    field.addEventListener("change", function () {
      var typed = parseIncome(field.value);
      var income = fieldIncome();
      if (income === null) {
        refuse();
        return;
      }
      field.removeAttribute("aria-invalid");
      field.value = formatNumber(income, spec);
      range.value = String(income);
      showNote(typed.value !== null && typed.value < data.floor ? "floor"
        : typed.value !== null && typed.value > data.ceiling ? "ceiling" : null);
      update(income);
    });
    range.addEventListener("input", function () {
      var income = clamp(parseInt(range.value, 10) || data.floor);
      field.value = formatNumber(income, spec);
      field.removeAttribute("aria-invalid");
      showNote(null);
      update(income);
    });
    form.addEventListener("change", function (event) {
      var income = fieldIncome();
      if (event.target !== field && event.target !== range && income !== null) {
        update(income);
      }
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      field.blur();
    });

    range.value = String(fieldIncome() || data.floor);
    update(fieldIncome() || data.floor);
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
