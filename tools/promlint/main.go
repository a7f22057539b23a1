// promlint checks a Prometheus text exposition read on stdin the way
// `promtool check metrics` does: parsed by the Prometheus client libraries'
// own parser (expfmt), then linted against the naming conventions (promlint).
// Prints one problem a line; exits 1 when the text does not parse, 3 when a
// convention is broken, 0 otherwise.
package main

import (
	"fmt"
	"os"

	"github.com/prometheus/client_golang/prometheus/testutil/promlint"
)

func main() {
	problems, err := promlint.New(os.Stdin).Lint()
	if err != nil {
		fmt.Fprintf(os.Stderr, "parse error: %v\n", err)
		os.Exit(1)
	}
	for _, problem := range problems {
		fmt.Printf("%s: %s\n", problem.Metric, problem.Text)
	}
	if len(problems) > 0 {
		os.Exit(3)
	}
}
