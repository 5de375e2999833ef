// Package progress draws a one-line progress bar with rate and ETA on a terminal.
//
// A Bar counts finished items. It draws nothing unless its writer is a terminal, and nothing before the work
// has run for Delay, so short runs and redirected output stay clean. It is safe for concurrent use.
package progress
