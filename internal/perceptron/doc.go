// Package perceptron is a first-order linear sequence model over hashed features, trained as an averaged
// structured perceptron (Collins 2002) and decoded with Viterbi.
//
// Input: for each token of a sequence, the feature hashes the caller computed (see Hash); output: the best
// label sequence. Feature hashes index a fixed-size table of per-label weights, so there is no feature
// dictionary to store; the saved model keeps only non-zero rows, quantised to int16 and gzipped.
//
// A Model is read-only after training or loading and safe for concurrent use by many goroutines; the
// per-call scratch lives in a Decoder, which a goroutine owns.
package perceptron
