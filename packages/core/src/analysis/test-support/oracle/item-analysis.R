# The oracle for packages/core/src/analysis: reads each table written by make-tables.ts and writes what R's psych
# package (alpha(): Cronbach's alpha, corrected item-total correlation r.drop, alpha if an item is dropped) and base R
# (means, sample SDs, type-7 quantiles, the upper and lower 27 % groups, option tables) give for it.
# Run from the repository root:  Rscript packages/core/src/analysis/test-support/oracle/item-analysis.R
suppressPackageStartupMessages({ library(psych); library(jsonlite) })

here <- "packages/core/src/analysis/test-support/oracle"
tables <- sub("\\.items\\.csv$", "", list.files(file.path(here, "tables"), pattern = "\\.items\\.csv$"))
dir.create(file.path(here, "expected"), showWarnings = FALSE)

for (name in tables) {
  path <- function(suffix) file.path(here, "tables", paste0(name, ".", suffix, ".csv"))
  items <- read.csv(path("items"), colClasses = "character")
  scores <- as.matrix(read.csv(path("scores"), check.names = FALSE, na.strings = "NA"))
  # Questions the analysis leaves out (dropped, with or without full marks to all; no key) by the table's own column.
  kept <- is.na(items$leftOut) | items$leftOut == ""
  items <- items[kept, , drop = FALSE]
  scores <- scores[, kept, drop = FALSE]
  choices <- read.csv(path("choices"), check.names = FALSE, colClasses = "character", na.strings = "NA")
  maximum <- as.numeric(items$maximum)

  # Items with no spread cannot be correlated: psych is given the others (the tests expect NaN for these).
  spread <- apply(scores, 2, function(x) { v <- var(x, na.rm = TRUE); !is.na(v) && v > 0 })
  a <- alpha(scores[, spread, drop = FALSE], use = "pairwise", check.keys = FALSE, warnings = FALSE)
  right <- sapply(seq_len(ncol(scores)), function(j) ifelse(is.na(scores[, j]), NA, as.numeric(scores[, j] >= maximum[j])))
  colnames(right) <- colnames(scores)
  choice_items <- items$options != ""
  right_spread <- choice_items & apply(right, 2, function(x) { v <- var(x, na.rm = TRUE); !is.na(v) && v > 0 })
  kr20 <- alpha(right[, right_spread, drop = FALSE], use = "pairwise", check.keys = FALSE, warnings = FALSE)

  totals <- rowSums(scores, na.rm = TRUE)
  n <- length(totals)
  size <- ceiling(0.27 * n)
  ranked <- order(-totals, seq_len(n))
  upper <- ranked[1:size]
  lower <- ranked[(n - size + 1):n]
  group_facility <- function(j, rows) mean(scores[rows, j], na.rm = TRUE) / maximum[j]

  item_stats <- lapply(seq_len(ncol(scores)), function(j) {
    id <- colnames(scores)[j]
    x <- scores[, j]
    k <- match(id, colnames(scores)[spread])
    out <- list(
      id = id,
      n = sum(!is.na(x)),
      mean = mean(x, na.rm = TRUE),
      sd = sd(x, na.rm = TRUE),
      facility = mean(x, na.rm = TRUE) / maximum[j],
      discrimination = if (is.na(k)) NA else a$item.stats$r.drop[k],
      alphaIfDeleted = if (is.na(k)) NA else a$alpha.drop$raw_alpha[k],
      upperLower = group_facility(j, upper) - group_facility(j, lower)
    )
    if (items$options[j] != "") {
      cells <- choices[[id]]
      share <- function(rows, option) { available <- rows[!is.na(cells[rows])]; mean(cells[available] == option) }
      out$options <- lapply(strsplit(items$options[j], "")[[1]], function(option) list(
        option = option,
        count = sum(cells == option, na.rm = TRUE),
        upperShare = share(upper, option),
        lowerShare = share(lower, option),
        meanTotal = if (any(cells == option, na.rm = TRUE)) mean(totals[!is.na(cells) & cells == option]) else NA
      ))
      out$blank <- sum(cells == "blank", na.rm = TRUE)
      out$invalid <- sum(cells == "invalid", na.rm = TRUE)
      out$several <- sum(cells == "several", na.rm = TRUE)
    }
    out
  })
  alpha_all <- a$total$raw_alpha
  # With items left out for no spread, alpha over all items is still what the covariances give: those items add 0
  # covariance and 0 variance, so alpha changes only through k; the tests compare alpha only when every item has spread.
  test <- list(
    students = n,
    alpha = if (all(spread)) alpha_all else NA,
    kr20 = if (all(right_spread == choice_items)) kr20$total$raw_alpha else NA,
    sem = if (all(spread)) sd(totals) * sqrt(1 - alpha_all) else NA,
    mean = mean(totals),
    median = median(totals),
    sd = sd(totals),
    quartiles = unname(quantile(totals, c(0.25, 0.5, 0.75), type = 7)),
    lowest = min(totals),
    highest = max(totals)
  )
  writeLines(
    toJSON(list(test = test, items = item_stats, psych = as.character(packageVersion("psych"))),
           auto_unbox = TRUE, digits = NA, na = "null", pretty = TRUE),
    file.path(here, "expected", paste0(name, ".json"))
  )
  cat(name, ": ", n, " students x ", ncol(scores), " items\n", sep = "")
}
